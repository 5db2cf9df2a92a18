// The structure of an answer decides what it says, before its words are read: a story told then and now (the
// present is the answer), a double negation (« on ne peut pas dire que ce ne soit pas fait » is a yes), a
// leading « non, … » explained without a contrary answer. Pure; answer-text.ts reads the part chosen here.
import { fold } from '../nlu/index.js';
import type { Candidate } from './choices.js';
import { echoOf } from './echo.js';
import type { ReadingContext } from './reading.js';
import type { Answer, Question } from './types.js';

const SURE = 0.6;

type ReadPart = (text: string) => Candidate | undefined;

function candidate(question: Question, answer: Answer, ctx: ReadingContext, confidence: number): Candidate {
  return { read: { questionId: question.id, answer, echo: echoOf(question, answer, undefined, ctx.nlu) }, confidence };
}

/**
 * « à l'époque ils étaient sept, maintenant il reste trois coachs », « au début c'était automatique, depuis plus
 * rien »: how things are now is the answer. When the present part says nothing sure but the story tells
 * something stopped (« on avait des rappels par SMS, on a arrêté l'abonnement ; maintenant je téléphone »),
 * a yes/no question gets a « non ».
 */
export function presentAnswer(question: Question, said: string, ctx: ReadingContext, readPart: ReadPart): Candidate | undefined {
  const story = ctx.nlu.phrases.story(said);
  if (!story) return undefined;
  const now = readPart(story.present);
  if (now && now.confidence >= SURE) return now;
  const { stopped } = ctx.nlu.words.yesNo;
  if (question.type === 'yesno' && stopped.test(fold(story.before)) && !stopped.test(fold(story.present)))
    return candidate(question, { type: 'yesno', value: 'no' }, ctx, 0.85);
  return undefined;
}

// A leading « non » and what may take it back in the explanation that follows: an explicit « oui » / « si », an
// exception (« sauf », « à part »), a part (« un peu », « certains », « juste les mentions »), « enfin », not knowing,
// not being concerned.
const LEADING_NO = /^(?:(?:euh|ben|bah|alors|ah|oh|bon|bof|franchement|honnetement)[\s,]+)*non\b[\s,.;:!…-]+(?=[a-z])/;
const TAKEN_BACK =
  /\b(?:oui|si|sauf|a part|excepte|en partie|partiellement|un peu|parfois|de temps en temps|quelques|certains|certaines|enfin|quand meme|seulement|juste|uniquement|hormis|a moitie|sinon|sais pas|aucune idee|concernee?s?|plus ou moins)\b/;

/**
 * « Non, on me l'a proposé, mais ce n'était que des vendeurs » to a yes/no question: a leading « non » explained
 * without anything taking it back (`TAKEN_BACK`, someone else of the firm doing it) stays a « non », whatever
 * generic words (« toujours », « tout le temps ») the explanation holds.
 */
export function leadingNo(question: Question, said: string, ctx: ReadingContext): Candidate | undefined {
  if (question.type !== 'yesno') return undefined;
  const f = fold(said).replace(/[’`´]/g, "'").trim();
  const m = LEADING_NO.exec(f);
  if (!m) return undefined;
  const rest = f.slice(m[0].length);
  if (TAKEN_BACK.test(rest) || ctx.nlu.phrases.answerCues.someoneElse.test(rest)) return undefined;
  return candidate(question, { type: 'yesno', value: 'no' }, ctx, 0.85);
}

// A joke (a laughing emoji, « mdr », « haha ») or « plus sérieusement », then the real answer: « sinon non, jamais ».
const JOKE = /(?:\p{Extended_Pictographic}|\b(?:mdr|lol|haha+|hihi+|ptdr|je plaisante|je rigole)\b)/u;
const REAL_ANSWER =
  /(?:^|[\s,;.!?…])(?:sinon|plus serieusement|blague a part|treve de plaisanterie|pour de vrai|serieusement|en vrai)[\s,:]+(?=(?:non|oui|si|pas|jamais|aucun|aucune|rien)\b)/g;

/**
 * « Oui, accompagné à la porte 😂 sinon non, jamais »: after a joke, « sinon » (or « plus sérieusement ») before an
 * explicit answer introduces the real one, which is read alone.
 */
export function realAnswer(question: Question, said: string, readPart: ReadPart): Candidate | undefined {
  if (question.type !== 'yesno') return undefined;
  const f = fold(said);
  const marks = [...f.matchAll(REAL_ANSWER)];
  const last = marks[marks.length - 1];
  if (!last) return undefined;
  const before = f.slice(0, last.index);
  if (!JOKE.test(said.slice(0, Math.min(said.length, last.index + 1))) && !/serieu|blague|plaisanterie|pour de vrai|en vrai/.test(last[0]))
    return undefined;
  if (!/[a-z]/.test(before)) return undefined;
  const found = readPart(f.slice(last.index + last[0].length));
  return found && found.confidence >= SURE ? found : undefined;
}

// « on ne peut pas dire qu'il ne soit pas à jour », « ce n'est pas que je ne sais pas … »: a denied denial.
const LITOTES =
  /\b(?:on ne peut pas dire|je ne (?:dirais|dirai|peux|vais) pas(?: dire)?|ce n'est pas|c'est pas|il ne faut pas croire|ca ne veut pas dire|cela ne veut pas dire) qu(?:e |')((?:[a-z']+ ){0,3}?)(?:ne |n')?([a-z']+(?: [a-z']+)?) pas\b/;

/**
 * A double negation says the positive: « je ne dirais pas qu'on ne s'en sert pas » is « on s'en sert ». The text is
 * read with the two negations taken away.
 */
export function withoutLitotes(question: Question, said: string, readPart: ReadPart): Candidate | undefined {
  if (question.type !== 'yesno') return undefined;
  const f = fold(said).replace(/[’`´]/g, "'");
  if (!LITOTES.test(f)) return undefined;
  const found = readPart(f.replace(LITOTES, '$1$2'));
  return found && found.confidence >= SURE ? found : undefined;
}

/**
 * « Oui, un super fichier : un carton de vieux bons 😅 », « bien sûr, c'est réussi 🙃 » to a yes/no question: a yes (or
 * a partial yes) overdone (`overstated`) and ended by an emoji of irony (`ironyMark`) means the opposite, a « non ».
 */
export function ironicYes(question: Question, said: string, ctx: ReadingContext, readPart: ReadPart): Candidate | undefined {
  const cue = ctx.nlu.phrases.answerCues;
  if (question.type !== 'yesno' || !cue.ironyMark.test(said.trim()) || !cue.overstated.test(fold(said))) return undefined;
  const plain = readPart(said.replace(/\p{Extended_Pictographic}/gu, ' '));
  const yes = plain?.read.answer.type === 'yesno' && (plain.read.answer.value === 'yes' || plain.read.answer.value === 'partly');
  return yes ? candidate(question, { type: 'yesno', value: 'no' }, ctx, 0.85) : undefined;
}
