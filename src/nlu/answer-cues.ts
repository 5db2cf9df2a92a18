// The cues of reading an answer to a diagnostic question (src/diagnostic/): French words as regular
// expressions on folded text (no accents, lower case), owned by knowledge/nlu/phrases.fr.json
// « answerCues » and compiled once here. The code keeps only how each cue is used.

/** Cues of an answer's words, compiled from phrases.fr.json « answerCues » (see its `$comment`). */
export interface AnswerCues {
  /** Something there but out of date or wrong (« c'est l'ancien », « plus à jour »): a no to that part. */
  outdated: RegExp;
  /** The thing asked about exists (« elle est là », « on l'a »). */
  there: RegExp;
  /** A part unknown to the person (« aucune idée », « c'est du chinois »). */
  unknownPart: RegExp;
  /** A plain « non » in a clause. */
  plainNo: RegExp;
  /** A plain « oui » / « si » in a clause. */
  plainYes: RegExp;
  /** A wish in the conditional (« j'aimerais bien », « il faudrait »): something not done yet. */
  wish: RegExp;
  /** After « mais »: what was told was about another matter (« pour autre chose », « rien à voir »). */
  otherMatter: RegExp;
  /** Trouble (« souci », « panne »): « pas de souci » denies only trouble. */
  trouble: RegExp;
  /** A statement of doing or having (« on met les actus »), not a wish (« on voudrait »). */
  does: RegExp;
  /** A no of the dirigeant alone (« moi non », « pas moi »). */
  meNot: RegExp;
  /** Something given up (« on a arrêté », « on ne s'en sert plus »): an option named with it is not used now. */
  stopped: RegExp;
  /** A part said to be rare or marginal (« les particuliers, c'est rare »): not a kind that counts. */
  minorShare: RegExp;
  /** The site named as the place where things are done (« sur le site »), not as what is done. */
  placeOnly: RegExp;
  /** Someone else in the firm (« mon employée », « la secrétaire »). */
  someoneElse: RegExp;
  /** A negation word (« pas », « jamais », « ne »). */
  negation: RegExp;
  /** A negation word or a word of nothing (« rien », « aucun »). */
  negationOrNothing: RegExp;
  /** Words that place something inside any recent window (« cette année », « récemment »). */
  recent: RegExp;
  /** A year said (« en 2015 », « fin 2019 »), the year captured; global. */
  year: RegExp;
  /** An option label that starts with « Non ». */
  noOption: RegExp;
  /** The words of « je ne sais pas », « peut-être »; global. */
  dontKnowWords: RegExp;
  /** Not knowing who, when or how (an aside, not the answer); global. */
  asideUnknown: RegExp;
  /** « ça dépend ». */
  depends: RegExp;
  /** Hours worked (« je fais 60 h par semaine »), not hours free; global. */
  hoursWorked: RegExp;
  /** Being one's own boss, or a legal form that says only that (« à mon compte », « en EI »). */
  ownAccount: RegExp;
  /** The same, global (every occurrence removed). Derived, not in the data. */
  ownAccountAll: RegExp;
  /** A restriction (« seulement », « c'est tout », « que pour »). */
  restricts: RegExp;
  /** What makes a restriction word no restriction (« pas seulement », « non »). */
  notRestricted: RegExp;
  /** A restrictive word before what it restricts (« seulement », « que », « rien que »). */
  restrictive: RegExp;
  /** A restrictive word after what it restricts (« par téléphone seulement »). */
  restrictiveAfter: RegExp;
  /** A question about several things: an enumeration (« A, B ou C », « A et B »). */
  several: RegExp;
  /** « oui », « non » or « si » said. */
  saysYesOrNo: RegExp;
  /** « un » / « une » (a count of one, or an article). */
  oneArticle: RegExp;
  /** An option label that starts with « Oui ». */
  yesOption: RegExp;
  /** The option label of nothing (« Non », « Personne », « Rien », « Aucun »). */
  nothingOption: RegExp;
  /** The option label that says nothing is done (« Non », « Rien », « Presque pas »…). */
  nothingDoneOption: RegExp;
  /** The option label of considering it (« J'y pense », « Je me renseigne »): the step after nothing, for a not-yet. */
  consideringOption: RegExp;
  /** The option label of having tried (« J'ai essayé »): what something tried then dropped is. */
  triedOption: RegExp;
  /** Words of having tried something (« essayé », « testé »). */
  triedIt: RegExp;
  /** A doubt about the answer (« je crois que ça compte »), not a question. */
  hedgedCount: RegExp;
  /** Words that make a number a département (« dans le 33 », « département »). */
  departementSaid: RegExp;
  /** How often, not how many (« une ou deux fois par semaine »); global. */
  frequency: RegExp;
  /** How long, not how many (« ça fait 6 mois », « depuis 3 ans »); global. */
  duration: RegExp;
  /** Every other week (« tous les quinze jours »); global. */
  fortnight: RegExp;
  /** A weekday said without a period (« le vendredi »): it recurs every week. */
  weekday: RegExp;
  /** « hebdo », « hebdomadaire »: per week; global. */
  weekly: RegExp;
  /** The word « mais », as a whole token. */
  but: RegExp;
  /** A whole token after « mais » that denies what is named before (« jamais », « pas »). */
  deniedAfterBut: RegExp;
  /** A whole token after « mais » that restricts to what follows (« que », « seulement »). */
  restrictedAfterBut: RegExp;
  /** A « oui » / « non » ending a part said without a comma (« les horaires oui les prix non »); global. */
  partEnd: RegExp;
  /** A forwarding verb and what follows it (« qui renvoie vers mon Gmail »): where things land. */
  forwards: RegExp;
  /** A tool there, nothing said of its use (« c'est installé », « on l'a »). */
  installed: RegExp;
  /** A tool left unused (« jamais ouvert », « on ne s'en sert pas »). */
  unused: RegExp;
  /** A question about using or following something only (« Suivez-vous… ? »). */
  asksUse: RegExp;
  /** A question whose subject is whether the dirigeant knows (« Savez-vous… ? »). */
  asksKnowing: RegExp;
  /** Less often than monthly (« plus trop », « rarement », « une fois par an »): not counted. */
  rarely: RegExp;
  /** A part said to be right (« le reste est bon », « c'est à jour »). */
  rightPart: RegExp;
  /** The speaker works on behalf of the firm's head (« pour la patronne »): their « moi » names an employee. */
  forTheBoss: RegExp;
  /** An option label naming the dirigeant (« Moi, … »). */
  selfOption: RegExp;
  /** A message ending on an emoji of irony or embarrassment (🙃, 🙄, 😏, 😅). */
  ironyMark: RegExp;
  /** Praise overdone (« super », « génial », « c'est réussi »): with `ironyMark`, an ironic yes. */
  overstated: RegExp;
  /** A question about what the dirigeant knows (« Savez-vous… ? », « Vous connaissez… ? »). */
  asksWhatIsKnown: RegExp;
  /** A question about who (« Qui… ? »). */
  asksWho: RegExp;
  /** Someone else named as the one who knows (« c'est ma comptable qui sait », « demandez à mon associé »). */
  othersKnow: RegExp;
  /** Someone else named as the one who can tell (« c'est le gérant qui pourrait vous dire »): not known, at any question. */
  othersTell: RegExp;
  /** Not knowing, said outright (« je ne sais pas », « aucune idée »). */
  saysUnknown: RegExp;
  /** Knowing, said outright (« oui », « je sais »). */
  knowsOwn: RegExp;
  /** Someone else assumed to handle it, as a guess (« je suppose que c'est eux qui gèrent »). */
  assumedHandled: RegExp;
  /** A leading « non » and the words around it (« euh non, … »), before an explanation. */
  leadingNo: RegExp;
  /** What takes a leading « non » back in the explanation (« sauf », « un peu », « enfin »). */
  takenBack: RegExp;
  /** A joke (a laughing emoji, « mdr », « haha »); unicode. */
  joke: RegExp;
  /** « sinon » / « plus sérieusement » before an explicit answer: the real answer follows; global. */
  realAnswer: RegExp;
  /** A marker of the real answer that needs no joke before it (« sérieusement », « blague à part »). */
  seriously: RegExp;
  /** A denied denial (« on ne peut pas dire qu'il ne soit pas à jour »); groups 1 and 2 are what it says. */
  litotes: RegExp;
  /** A first « oui » / « non » taken back at once (« oui enfin non », « non euh si »): what follows is the answer. */
  selfCorrection: RegExp;
  /** A first answer corrected further on (« … non, plutôt 100 par trimestre »); global: the last one counts. */
  correctedTo: RegExp;
  /** What may follow something dropped and say more than a no (« … mais on garde le planning »). */
  afterDropped: RegExp;
  /** Something under way or coming (« c'est en cours », « il sort le mois prochain »): not there yet. */
  upcoming: RegExp;
  /** A clause saying yes of one part (« le Mac oui »). */
  partYes: RegExp;
  /** A hedge opening the answer (« je crois que … »): the statement after it is the answer. */
  hedgeFirst: RegExp;
  /** The thing said handled by someone (« le comptable s'en est occupé »). */
  delegated: RegExp;
  /** The firm's outside accountant named as the one who does it (« la compta c'est le comptable »). */
  outsourced: RegExp;
  /** « personne »: nobody. */
  nobody: RegExp;
  /** A part no longer done or possible (« on ne peut plus le mettre à jour »). */
  noLonger: RegExp;
  /** Knowing said of oneself (« je sais que … », « je connais … »): a yes to a part of a « Savez-vous… ? » question. */
  knows: RegExp;
  /** A part named with a preposition (« pour la banque », « sur l'ordinateur »): a yes said of a part only. */
  scopedPart: RegExp;
  /** Not yet (« pas encore », « pas pour l'instant ») at the start of an answer. */
  notYet: RegExp;
  /** Something possible or planned, not done (« ça pourrait servir », « il faut que je regarde », « je vais m'y mettre »). */
  maybeLater: RegExp;
}

export type AnswerCueName = Exclude<keyof AnswerCues, 'ownAccountAll'>;

/** Every cue the data must give (the schema requires the same). */
export const ANSWER_CUE_NAMES: readonly AnswerCueName[] = [
  'outdated',
  'there',
  'unknownPart',
  'plainNo',
  'plainYes',
  'trouble',
  'wish',
  'otherMatter',
  'does',
  'meNot',
  'stopped',
  'minorShare',
  'placeOnly',
  'someoneElse',
  'negation',
  'negationOrNothing',
  'recent',
  'year',
  'noOption',
  'dontKnowWords',
  'asideUnknown',
  'depends',
  'hoursWorked',
  'ownAccount',
  'restricts',
  'notRestricted',
  'restrictive',
  'restrictiveAfter',
  'several',
  'saysYesOrNo',
  'oneArticle',
  'yesOption',
  'nothingOption',
  'nothingDoneOption',
  'consideringOption',
  'triedOption',
  'triedIt',
  'hedgedCount',
  'departementSaid',
  'frequency',
  'duration',
  'fortnight',
  'weekday',
  'weekly',
  'but',
  'deniedAfterBut',
  'restrictedAfterBut',
  'partEnd',
  'forwards',
  'installed',
  'unused',
  'asksUse',
  'asksKnowing',
  'rarely',
  'rightPart',
  'forTheBoss',
  'selfOption',
  'ironyMark',
  'overstated',
  'asksWhatIsKnown',
  'asksWho',
  'othersKnow',
  'othersTell',
  'saysUnknown',
  'knowsOwn',
  'assumedHandled',
  'leadingNo',
  'takenBack',
  'joke',
  'realAnswer',
  'seriously',
  'litotes',
  'selfCorrection',
  'correctedTo',
  'afterDropped',
  'upcoming',
  'partYes',
  'hedgeFirst',
  'delegated',
  'outsourced',
  'nobody',
  'noLonger',
  'knows',
  'scopedPart',
  'notYet',
  'maybeLater',
];

/** Cues used to find or replace every occurrence (matchAll, replace): compiled with the `g` flag. */
const GLOBAL: ReadonlySet<string> = new Set([
  'partEnd',
  'year',
  'dontKnowWords',
  'asideUnknown',
  'hoursWorked',
  'frequency',
  'duration',
  'fortnight',
  'weekly',
  'realAnswer',
  'correctedTo',
]);

/** Cues that need Unicode properties (« \p{Extended_Pictographic} »): compiled with the `u` flag. */
const UNICODE: ReadonlySet<string> = new Set(['joke']);

/** Compiles « answerCues »; a missing cue or an invalid expression fails with the cue's name. */
export function compileAnswerCues(data: Record<AnswerCueName, string>): AnswerCues {
  const out: Record<string, RegExp> = {};
  for (const name of ANSWER_CUE_NAMES) {
    const source = data[name];
    if (typeof source !== 'string' || !source) throw new Error(`[nlu] phrases.fr.json answerCues.${name}: missing`);
    try {
      out[name] = new RegExp(source, `${GLOBAL.has(name) ? 'g' : ''}${UNICODE.has(name) ? 'u' : ''}`);
    } catch (err) {
      throw new Error(`[nlu] phrases.fr.json answerCues.${name}: ${(err as Error).message}`);
    }
  }
  out.ownAccountAll = new RegExp(out.ownAccount.source, 'g');
  return out as unknown as AnswerCues;
}
