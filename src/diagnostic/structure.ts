// The structure of an answer decides what it says, before its words are read: a story told then and now (the
// present is the answer), a double negation (« on ne peut pas dire que ce ne soit pas fait » is a yes), a
// leading « non, … » explained without a contrary answer. Pure; answer-text.ts reads the part chosen here. The words
// are data (phrases.fr.json « answerCues »): `leadingNo`, `takenBack`, `joke`, `realAnswer`, `seriously`, `litotes`.
import { fold, type AnswerCues } from '../nlu/index.js';
import { optionsOf } from './answers.js';
import type { Candidate } from './choices.js';
import { echoOf } from './echo.js';
import type { ReadingContext } from './reading.js';
import { triedThenDropped } from './tenses.js';
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
  // « essayé une fois, depuis plus rien »: nothing now, but the option of having tried says the story.
  const tried = now?.read.answer.type === 'choice' ? triedThenDropped(question, story.before, ctx) : undefined;
  if (tried && now) {
    const none = optionsOf(question).find((o) => ctx.nlu.phrases.answerCues.nothingOption.test(fold(o.label)));
    if (none?.id === (now.read.answer as { value: string }).value) return candidate(question, tried, ctx, now.confidence);
  }
  if (now && now.confidence >= SURE) return now;
  const { stopped } = ctx.nlu.words.yesNo;
  if (question.type === 'yesno' && stopped.test(fold(story.before)) && !stopped.test(fold(story.present)))
    return candidate(question, { type: 'yesno', value: 'no' }, ctx, 0.85);
  return undefined;
}

/**
 * « oui enfin non, … », « non, euh, si »: a first « oui » / « non » taken back at once (`selfCorrection`); the answer
 * is what follows it, read alone.
 */
export function selfCorrected(said: string, ctx: ReadingContext, readPart: ReadPart): Candidate | undefined {
  const f = fold(said).trim();
  const m = ctx.nlu.phrases.answerCues.selfCorrection.exec(f);
  if (!m) return undefined;
  return sureAfter(f.slice(m[0].length), readPart);
}

/**
 * « 100 par mois… non, plutôt 100 par trimestre », « dans le 54, pardon, le 57 »: a first answer corrected in the
 * same message (`correctedTo`); the answer is what follows the last correction, when it holds a sure answer.
 */
export function correctedInside(said: string, ctx: ReadingContext, readPart: ReadPart): Candidate | undefined {
  const f = fold(said).trim();
  const marks = [...f.matchAll(ctx.nlu.phrases.answerCues.correctedTo)];
  const last = marks.at(-1);
  if (!last || last.index === undefined || last.index === 0) return undefined;
  return sureAfter(f.slice(last.index + last[0].length), readPart);
}

/**
 * « je crois que le comptable s'en est occupé », « normalement tout est sauvegardé »: a hedge keeps the answer; the
 * statement after it (`hedgeFirst`) is read alone, when it holds a sure answer.
 */
export function hedgedStatement(said: string, ctx: ReadingContext, readPart: ReadPart): Candidate | undefined {
  const f = fold(said).trim();
  const m = ctx.nlu.phrases.answerCues.hedgeFirst.exec(f);
  if (!m) return undefined;
  return sureAfter(f.slice(m[0].length), readPart);
}

/** What the words after a marker answer, when they say something and the reading is sure. */
function sureAfter(rest: string, readPart: ReadPart): Candidate | undefined {
  const part = rest.replace(/^[\s,.…:]+/, '').trim();
  if (!/[a-z0-9]{2}/.test(part)) return undefined;
  const found = readPart(part);
  return found && found.confidence >= SURE ? found : undefined;
}

// A leading « non » (`leadingNo`) and what may take it back in the explanation that follows (`takenBack`): an
// explicit « oui » / « si », an exception (« sauf », « à part »), a part (« un peu », « certains »), « enfin », not
// knowing, not being concerned.
/**
 * « Non, on me l'a proposé, mais ce n'était que des vendeurs » to a yes/no question: a leading « non » explained
 * without anything taking it back (`takenBack`, someone else of the firm doing it) stays a « non », whatever
 * generic words (« toujours », « tout le temps ») the explanation holds.
 */
export function leadingNo(question: Question, said: string, ctx: ReadingContext): Candidate | undefined {
  if (question.type !== 'yesno') return undefined;
  const f = fold(said).replace(/[’`´]/g, "'").trim();
  const cue = ctx.nlu.phrases.answerCues;
  const m = cue.leadingNo.exec(f);
  if (!m) return undefined;
  const rest = f.slice(m[0].length);
  if (cue.takenBack.test(rest) || cue.someoneElse.test(rest)) return undefined;
  return candidate(question, { type: 'yesno', value: 'no' }, ctx, 0.85);
}

// A joke (`joke`: a laughing emoji, « mdr », « haha ») or « plus sérieusement » (`realAnswer`, global), then the
// real answer: « sinon non, jamais ».
/**
 * « Oui, accompagné à la porte 😂 sinon non, jamais »: after a joke, « sinon » (or « plus sérieusement ») before an
 * explicit answer introduces the real one, which is read alone.
 */
export function realAnswer(question: Question, said: string, readPart: ReadPart, cue: AnswerCues): Candidate | undefined {
  if (question.type !== 'yesno') return undefined;
  const f = fold(said);
  const marks = [...f.matchAll(cue.realAnswer)];
  const last = marks[marks.length - 1];
  if (!last) return undefined;
  const before = f.slice(0, last.index);
  if (!cue.joke.test(said.slice(0, Math.min(said.length, last.index + 1))) && !cue.seriously.test(last[0])) return undefined;
  if (!/[a-z]/.test(before)) return undefined;
  const found = readPart(f.slice(last.index + last[0].length));
  return found && found.confidence >= SURE ? found : undefined;
}

// « on ne peut pas dire qu'il ne soit pas à jour », « ce n'est pas que je ne sais pas … »: a denied denial (`litotes`,
// whose two groups are what is said once the two negations are taken away).
/**
 * A double negation says the positive: « je ne dirais pas qu'on ne s'en sert pas » is « on s'en sert ». The text is
 * read with the two negations taken away.
 */
export function withoutLitotes(question: Question, said: string, readPart: ReadPart, cue: AnswerCues): Candidate | undefined {
  if (question.type !== 'yesno') return undefined;
  const f = fold(said).replace(/[’`´]/g, "'");
  if (!cue.litotes.test(f)) return undefined;
  const found = readPart(f.replace(cue.litotes, '$1$2'));
  // Denying a denial is said on purpose: what it affirms holds, even when the words of it read weakly alone.
  return found && { ...found, confidence: Math.max(found.confidence, SURE) };
}

/**
 * « Oui, un super fichier : un carton de vieux bons 😅 », « bien sûr, c'est réussi 🙃 » to a yes/no question: a yes (or
 * a partial yes) overdone (`overstated`) and ended by an emoji of irony (`ironyMark`) means the opposite, a « non ».
 */
export function ironic(question: Question, said: string, ctx: ReadingContext, readPart: ReadPart): Candidate | undefined {
  const cue = ctx.nlu.phrases.answerCues;
  const mocked = mockedEcho(question, said, ctx);
  if (mocked) return mocked;
  if (question.type !== 'yesno' || !cue.ironyMark.test(said.trim()) || !cue.overstated.test(fold(said))) return undefined;
  const plain = readPart(said.replace(/\p{Extended_Pictographic}/gu, ' '));
  const yes = plain?.read.answer.type === 'yesno' && (plain.read.answer.value === 'yes' || plain.read.answer.value === 'partly');
  return yes ? candidate(question, { type: 'yesno', value: 'no' }, ctx, 0.85) : undefined;
}

/**
 * « prêts ? ha ha, on fait encore les factures au carnet », « automatique ? ah ah, … »: the question's own words echoed
 * and laughed at (`joke` right after the « ? ») are a « non »; to a scale, its option of nothing.
 */
function mockedEcho(question: Question, said: string, ctx: ReadingContext): Candidate | undefined {
  const cue = ctx.nlu.phrases.answerCues;
  const m = /^([^?]{2,40})\?+\s*(.*)$/su.exec(said.trim());
  const laugh = m && cue.joke.exec(m[2]!);
  if (!m || !laugh || laugh.index !== 0) return undefined;
  const asked = fold([question.text, ...optionsOf(question).map((o) => o.label)].join(' '));
  const echoed = fold(m[1]!)
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 4);
  if (!echoed.length || !echoed.every((w) => asked.includes(w.replace(/s$/, '').slice(0, 5)))) return undefined;
  if (question.type === 'yesno') return candidate(question, { type: 'yesno', value: 'no' }, ctx, 0.85);
  const none = question.type === 'choice' ? optionsOf(question).find((o) => cue.nothingDoneOption.test(fold(o.label))) : undefined;
  return none && candidate(question, { type: 'choice', value: none.id }, ctx, 0.85);
}
