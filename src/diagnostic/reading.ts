// What a message means at a diagnostic question, decided in one place: an answer to that question
// first (with other profile facts said in the same breath), a correction of the previous answer, a
// question to answer from the guides, an explicit command, or « which did you mean? » when a text could
// be both. Commands come only from fixed phrases (src/nlu/phrases.ts), never from a classifier's guess.
// Pure: the dialog acts on the Reading.
import type { Command, Nlu, NluResult } from '../nlu/index.js';
import { fold, namesPeople } from '../nlu/index.js';
import { applicableQuestions } from './flow.js';
import { answerOf } from './answer-text.js';
import { answersAfter, asksBack, asksScope, holdsOn, sentencesOf, skipsFirst, skipsLast, splitQuestion } from './asking.js';
import { echoOf } from './echo.js';
import { learnedDoubt, learnedOverrule, learnedPick, learnedReading, STORE_SHARE } from './learned.js';
import { questionContext, toAnswer } from './understand.js';
import type { Answer, Answers, Question, Questionnaire } from './types.js';

/** An answer read from text, with the short line that says back what was stored. */
export interface ReadAnswer {
  questionId: string;
  answer: Answer;
  echo: string;
}

export type Reading =
  /**
   * The answer to the current question, plus other profile facts found in the same message. `unsure`: read from weak
   * evidence; stored, and said back with how to correct it.
   */
  | { kind: 'answer'; main: ReadAnswer; extra: ReadAnswer[]; asked?: string; unsure?: boolean }
  /** Two readings compete: ask between them with buttons. */
  | { kind: 'choose'; candidates: ReadAnswer[] }
  | { kind: 'command'; command: Command }
  /** The text could be an answer or a command: ask which. */
  | { kind: 'ambiguous'; command: Command; answer?: ReadAnswer }
  /** A correction of an answer read from the previous message (re-ask it when `answer` is absent). */
  | { kind: 'correction'; questionId?: string; answer?: ReadAnswer }
  /** A question to answer from the guides; the diagnostic question is then asked again. */
  | { kind: 'question'; asked: string }
  /** No answer to the current question, but other profile facts (« je tiens une boulangerie » to « combien… ? »). */
  | { kind: 'facts'; extra: ReadAnswer[] }
  /** « je voudrais faire le diagnostic » while it is under way (it started from an introduction): ask again. */
  | { kind: 'started' }
  /** « deux minutes, j'ai un client »: nothing to read yet; the question is asked again. */
  | { kind: 'wait' }
  | { kind: 'miss'; frustrated: boolean };

export { answerOf };

export interface ReadingContext {
  questionnaire: Questionnaire;
  answers: Answers;
  nlu: Nlu;
  /** Questions answered from the previous message's free text (a correction may follow). */
  lastRead?: string[];
}

/** An answer must be at least this sure to be stored without asking. */
const SURE = 0.6;
/** A command phrase that is also read this surely as an answer is ambiguous. */
const ALSO_ANSWER = 0.85;
/** Questions answered with a figure. */
const FIGURES: ReadonlySet<string> = new Set(['number', 'percent', 'money', 'size']);
/** Commands that only inform (they change nothing): never worth a « which did you mean? ». */
const HARMLESS: ReadonlySet<Command> = new Set(['pourquoi', 'aide', 'passer', 'dontknow', 'reprendre', 'mes_donnees']);

export function readAnswerText(text: string, question: Question, ctx: ReadingContext): Reading {
  // « je crois que ça compte », « je ne sais pas si ça compte mais … »: a doubt about the answer, not a question.
  const doubt = ctx.nlu.phrases.answerCues.hedgedCount.exec(fold(text));
  if (doubt && !/\?\s*$/.test(text)) {
    const rest = fold(text)
      .replace(doubt[0], ' ')
      .replace(/^[\s,;.]+|[\s,;.]+$/g, '');
    if (/[a-z0-9]{2}/.test(rest)) return readAnswerText(rest, question, ctx);
  }
  const { nlu } = ctx;
  const phrases = nlu.phrases;
  const command = phrases.command(text);
  if (command === 'corriger') return { kind: 'correction', questionId: ctx.lastRead?.[0] };
  if (command === 'dontknow' && phrases.answerCues.noOption.test(fold(text).trim())) {
    // « non, aucune idée » to « savez-vous… ? »: the « non » answers; not knowing says why (answer-text.ts).
    const said = answerOf(question, text, nlu.interpret(text, questionContext(question)), ctx);
    if (said?.read.answer.type === 'yesno' && said.confidence >= SURE) return { kind: 'answer', main: said.read, extra: [] };
  }
  if (command === 'passer' || command === 'dontknow') return { kind: 'command', command };
  if (!command && skipsFirst(text, phrases)) return { kind: 'command', command: 'passer' };
  const skipLead = command ? undefined : skipsLast(text, phrases);
  if (skipLead !== undefined) {
    // Only a short lead answers anyway (« non, question suivante »); a longer one says why the person skips.
    const lead = answerOf(question, skipLead, nlu.interpret(skipLead, questionContext(question)), ctx);
    return lead && lead.confidence >= SURE && !lead.alternatives && phrases.key(skipLead).split(' ').length <= 3
      ? { kind: 'answer', main: lead.read, extra: [] }
      : { kind: 'command', command: 'passer' };
  }
  if (!command && holdsOn(text, phrases.cues)) return { kind: 'wait' };
  const r = nlu.interpret(text, questionContext(question));
  // « vous ne comprenez rien », « c'est nul ce truc »: frustration said in its own fixed words (never the classifier's
  // guess) is no answer, whatever « c'est » or « rien » would read as.
  // « pff, j'en sais rien »: not knowing said with a sigh is an answer, not frustration with Virage.
  const frustrated =
    r.intent.name === 'insatisfaction' && r.intent.source !== 'model' && fold(text).search(phrases.answerCues.dontKnowWords) < 0;
  if (!command && frustrated && phrases.key(text).split(' ').length <= 6) return { kind: 'miss', frustrated: true };
  const main = answerOf(question, text, r, ctx);
  if (command) {
    // « conseiller » or « retour » alone may also be an answer; « je veux parler à un conseiller » is not.
    const short = phrases.key(text).split(' ').length <= 2;
    if (short && !HARMLESS.has(command) && main && main.confidence >= ALSO_ANSWER) return { kind: 'ambiguous', command, answer: main.read };
    return { kind: 'command', command };
  }

  const correction = correctionOf(text, question, ctx, main?.confidence ?? 0);
  if (correction) return correction;

  const f = fold(text).trim();
  const cues = phrases.cues;
  const [asked, after] = splitQuestion(text, cues);
  const asks = asked && (cues.interrogative.test(fold(asked).trim()) || cues.asks.test(fold(asked)));
  // « quelques centaines d'euros ? » to « quel budget ? »: a figure said unsurely is still the answer.
  // Not a question put in words (« le pourcentage c'est sur toute l'année ? ») that a figure word happens to read.
  const figureAsked = /\d/.test(text) || fold(text).split(/\s+/).length <= 5;
  if (
    asked &&
    !asks &&
    !after &&
    figureAsked &&
    FIGURES.has(question.type) &&
    main &&
    main.confidence >= SURE &&
    main.read.answer.type !== 'dontknow'
  )
    return { kind: 'answer', main: main.read, extra: [] };
  if (asked && (asks || asksBack(asked))) {
    const rest =
      after && answersAfter(asked, after, phrases)
        ? answerOf(question, after, nlu.interpret(after, questionContext(question)), ctx)
        : undefined;
    if (rest && rest.confidence >= SURE) return { kind: 'answer', main: rest.read, extra: [], asked };
    const told = statedBefore(asked, question, ctx);
    if (told) return { kind: 'answer', main: told, extra: [], asked: text };
    return { kind: 'question', asked: text };
  }

  const mentioned = phrases.mentionedCommand(text);
  if (mentioned && !HARMLESS.has(mentioned)) return { kind: 'ambiguous', command: mentioned, answer: main?.read };
  if (main?.alternatives && main.alternatives.length > 1) {
    const pick = learnedPick(question, text, main.alternatives, ctx);
    if (pick) return { kind: 'answer', main: pick, extra: [], unsure: true };
    return { kind: 'choose', candidates: main.alternatives };
  }
  if (main && main.confidence >= SURE) {
    // A plain yes or no that the learned reader is all but certain is the opposite: its reading, said back (learned.ts).
    const over = learnedOverrule(question, text, main, ctx);
    if (over) return { kind: 'answer', main: over, extra: [], unsure: true };
    return { kind: 'answer', main: main.read, extra: extrasOf(text, question, ctx) };
  }
  if (asked) return { kind: 'question', asked: text };
  if (!main && r.intent.name === 'question' && r.intent.confidence >= 0.8 && f.split(' ').length >= 4)
    return { kind: 'question', asked: text };
  // A weak single reading is stored and said back with how to correct it (« Noté : oui. Si ce n'est pas ça… »), never
  // silently: a weak reading was right more often than not on unseen answers (dev held out: 4 right, 3 wrong), and a
  // confirmation click on each cost the person more than the correction the echo invites.
  if (main) {
    const other = learnedDoubt(question, text, main.read, ctx);
    if (other) return sureOrChoose(question, text, [main.read, other], ctx);
    return { kind: 'answer', main: main.read, extra: [], unsure: true };
  }
  const facts = extrasOf(text, question, ctx);
  if (facts.length) return { kind: 'facts', extra: facts };
  if (r.intent.name === 'demarrer_diagnostic' && r.intent.confidence >= 0.8) return { kind: 'started' };
  // « c'est compliqué à dire, on fait trop de choses »: not knowing said first, then why, and nothing else read.
  if (phrases.command(text.split(/[,;:.!?]/)[0] ?? '') === 'dontknow') return { kind: 'command', command: 'dontknow' };
  // Nothing the rules can read: the reader learned from labelled examples (knowledge/nlu/exemples-reponses/).
  const learned = frustrated ? [] : learnedReading(question, text, ctx);
  if (learned.length) return sureOrChoose(question, text, learned, ctx);
  // Frustration offers an advisor: only from its fixed phrases, never from the classifier's guess (« pas encore »).
  return { kind: 'miss', frustrated };
}

/** Readings offered from the learned reader: the one it is very sure of is stored (said back), else a choice. */
function sureOrChoose(question: Question, text: string, candidates: ReadAnswer[], ctx: ReadingContext): Reading {
  const sure = learnedPick(question, text, candidates, ctx, STORE_SHARE);
  return sure ? { kind: 'answer', main: sure, extra: [], unsure: true } : { kind: 'choose', candidates };
}

/**
 * « le site affiche des pages bizarres depuis ce matin, je fais quoi ? »: a situation told, then a question
 * about it. The clauses before the question answer the diagnostic question; the question is answered too.
 * Not when the question doubts the answer itself (« on a WhatsApp, ça compte ? »).
 */
function statedBefore(asked: string, question: Question, ctx: ReadingContext): ReadAnswer | undefined {
  // A sentence said before the question (« jamais fait. c'est utile ? ») stands on its own, however short;
  // a clause before it (« on a un carnet, … ? ») only when long enough to say something.
  const sentences = sentencesOf(asked);
  const own = sentences.length > 1;
  const clauses = own ? sentences : asked.split(/[,;]/);
  const last = clauses.pop() ?? '';
  const lead = clauses.join(own ? ' ' : ',').trim();
  const { asks, interrogative } = ctx.nlu.phrases.cues;
  // « ça dépend ce que vous appelez professionnel, … c'est un pro ? »: a lead that asks what is meant states nothing.
  const scoped = asksScope(last, ctx.nlu.phrases.cues) || asksScope(lead, ctx.nlu.phrases.cues);
  if (!lead || asks.test(fold(last)) || scoped || /\?/.test(lead)) return undefined;
  // « rien de prévu, c'est pour quand ? »: a short clause of nothing or denial stands when read surely; a short one
  // naming a thing is the topic of the question (« la fiche Google, c'est payant ? »).
  const folded = fold(lead);
  const words = folded.split(/\s+/).length;
  const short = !own && words < 4;
  if (short && (words < 2 || !ctx.nlu.phrases.answerCues.negationOrNothing.test(folded))) return undefined;
  // « quand c'est la sécu qui paie, c'est un particulier ? »: a case put, not a statement.
  if (interrogative.test(folded.trim()) || asks.test(folded) || /^(?:quand|si|s'|lorsque|au cas ou)\b/.test(folded)) return undefined;
  const found = answerOf(question, lead, ctx.nlu.interpret(lead, questionContext(question)), ctx);
  return found && found.confidence >= (short ? 0.85 : SURE) && !found.alternatives ? found.read : undefined;
}

/** « non, on est 3 », « je me suis trompé, c'est en Gironde »: a correction of the previous answer. */
function correctionOf(text: string, question: Question, ctx: ReadingContext, currentConfidence: number): Reading | undefined {
  if (!ctx.lastRead?.length) return undefined;
  const c = ctx.nlu.phrases.correction(text);
  if (!c) return undefined;
  for (const id of ctx.lastRead) {
    const previous = ctx.questionnaire.questions.find((q) => q.id === id);
    if (!previous || !c.rest) continue;
    const r = ctx.nlu.interpret(c.rest, questionContext(previous));
    const found = answerOf(previous, c.rest, r, ctx);
    if (!found || found.confidence < SURE) continue;
    // « non, … » is an answer to the current question unless the rest answers the previous one only.
    if (!c.strong) {
      const rest = answerOf(question, c.rest, ctx.nlu.interpret(c.rest, questionContext(question)), ctx);
      if (rest && rest.confidence >= SURE) return undefined;
      if (currentConfidence >= SURE && question.type === previous.type) return undefined;
    }
    return { kind: 'correction', questionId: id, answer: found.read };
  }
  return c.strong ? { kind: 'correction', questionId: ctx.lastRead[0] } : undefined;
}

/**
 * The profile facts said before the diagnostic started (« bonjour, je suis agricultrice en Aveyron »),
 * latest message first: each fact once, so that those questions are not asked.
 */
export function factsIn(texts: string[], ctx: ReadingContext): ReadAnswer[] {
  const first = ctx.questionnaire.questions[0];
  const out = new Map<string, ReadAnswer>();
  for (const text of [...texts].reverse()) {
    for (const fact of extrasOf(text, first, ctx, true)) if (!out.has(fact.questionId)) out.set(fact.questionId, fact);
  }
  return [...out.values()];
}

/** Profile questions that one message may answer together (« boulanger à Bordeaux avec 8 salariés »). */
const SLOT_TYPES = new Set(['size', 'sector', 'location']);
// What says a trade, a status or a head count (« je tiens », « SARL », « salariés ») is data: phrases.fr.json
// « readingCues ». A status is taken only from the words of a status, never guessed from a trade.
function extrasOf(text: string, question: Question, ctx: ReadingContext, includeCurrent = false): ReadAnswer[] {
  // Only while the firm is being described: the first profile questions, before the scored axes.
  const opening = ctx.questionnaire.questions.findIndex((q) => q.axis !== 'profil');
  const at = ctx.questionnaire.questions.findIndex((q) => q.id === question.id);
  if (opening >= 0 && at > opening) return [];
  // Chat forms expanded (« jsuis » is « je suis »), so that the cues read what the extractors read.
  const f = ctx.nlu.normalize(text).folded;
  const { people, saysTrade, statusCue, clientele } = ctx.nlu.phrases.cues;
  const out: ReadAnswer[] = [];
  for (const q of applicableQuestions(ctx.questionnaire, ctx.answers)) {
    // The dirigeant's status counts too when said of oneself (« je suis infirmière libérale »), and the kind of
    // customers when said of them (« nos clients sont surtout des particuliers »).
    const status = q.profileField === 'status';
    const customers = q.profileField === 'clientele';
    if ((q.id === question.id && !includeCurrent) || !(SLOT_TYPES.has(q.type) || status || customers) || ctx.answers[q.id] !== undefined)
      continue;
    if (q.type === 'size' && !people.test(f) && !namesPeople(f, ctx.nlu.words.size)) continue;
    if (customers && !clientele.test(f)) continue;
    if ((q.type === 'sector' || status) && !saysTrade.test(f)) continue;
    if (status && !statusCue.test(f)) continue;
    let r = ctx.nlu.extract(text, questionContext(q));
    // « je suis kiné en libéral, on est trois au cabinet »: two trades read in the message; the one said of
    // oneself, in the clause that says what the firm does, is the trade.
    if (q.type === 'sector' && r.ok && r.confidence < 0.9) {
      const own = ownClause(f, saysTrade);
      const mine = own ? ctx.nlu.extract(own, questionContext(q)) : undefined;
      if (mine?.ok) r = mine;
    }
    if (!r.ok || r.confidence < (q.type === 'sector' || status || customers ? 0.9 : 0.8)) continue;
    if (r.value.type === 'location' && r.value.value.via === 'departement_code' && !ctx.nlu.phrases.answerCues.departementSaid.test(f))
      continue;
    const answer = toAnswer(q, r.value);
    if (answer) out.push({ questionId: q.id, answer, echo: echoOf(q, answer, r.value.value, ctx.nlu) });
  }
  return out;
}

/** The clause that says what the firm does (« je suis kiné en libéral » in « …, on est trois au cabinet »). */
function ownClause(folded: string, saysTrade: RegExp): string | undefined {
  const m = saysTrade.exec(folded);
  if (!m) return undefined;
  return folded.slice(m.index).split(/[,;.!?]/)[0];
}
