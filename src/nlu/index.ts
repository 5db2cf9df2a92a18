/**
 * Virage's understanding of a dirigeant's French (issue 3).
 *
 * `createNlu(data)` takes knowledge/nlu/*.json as loaded and checked at start (src/content) and trains the
 * intent classifier once (a few ms).
 * `nlu.interpret(text, context?)` returns the normalised text, the intent (or `none`) and, when the
 * dialog describes the current question, the extracted answer (or « not understood »). `act` tells
 * the dialog what to do: an answer to the current question wins over a weak intent (« non » is an
 * answer, not « annuler »), while strong commands (« pause », « retour », « pourquoi ? »,
 * « je veux parler à un conseiller ») still come through.
 *
 * The extractors are also exported one by one; all are pure functions.
 */
import { extractChoice, extractMulti } from './extract/choice.js';
import { indexTerritories, extractLocation, type TerritoryData, type TerritoryIndex } from './extract/location.js';
import { extractMoney } from './extract/money.js';
import { extractNumber, extractPercent } from './extract/numbers.js';
import { extractSector, indexSectors, type SectorData, type SectorIndex } from './extract/sector.js';
import { extractSize } from './extract/size.js';
import { extractYesNo } from './extract/yesno.js';
import { compileAnswerWords, type AnswerWordData, type AnswerWords } from './answer-words.js';
import { AnswerModel, type ExampleAnswers, type Guess } from './examples.js';
import { IntentClassifier, type IntentData, type IntentResult } from './intents.js';
import { createNormalizer, type ChatForms, type Normalize } from './normalize.js';
import { createPhrases, type PhraseData, type Phrases } from './phrases.js';
import type { ChoiceOption, Extraction, Location, Money, MultiChoice, Quantity, SectorMatch, Size, YesNo } from './types.js';

export type AnswerType = 'yesno' | 'choice' | 'multi' | 'number' | 'percent' | 'money' | 'sector' | 'location' | 'size' | 'text';

/** The question the dialog is asking, if any. */
export interface QuestionContext {
  type: AnswerType;
  /** For choice and multi. */
  options?: ChoiceOption[];
  /** Whether « non concerné » is a valid answer (yesno questions). Default false. */
  allowNotConcerned?: boolean;
}

export type Answer =
  | { type: 'yesno'; value: YesNo }
  | { type: 'choice'; value: string }
  | { type: 'multi'; value: MultiChoice }
  | { type: 'number' | 'percent'; value: Quantity }
  | { type: 'money'; value: Money }
  | { type: 'sector'; value: SectorMatch }
  | { type: 'location'; value: Location }
  | { type: 'size'; value: Size }
  | { type: 'text'; value: string };

export interface NluResult {
  /** As typed (trimmed, capped at MAX_INPUT_CHARS): for display and storage. */
  original: string;
  /** Lower case, chat forms expanded (« ouais » → « oui »), accents kept. */
  normalized: string;
  intent: IntentResult;
  /** Present when a context was given. */
  answer?: Extraction<Answer>;
  /**
   * What the dialog should act on: `answer` (store `answer.value`), `intent` (handle `intent.name`),
   * or `none` (ask again / say it was not understood).
   */
  act: 'answer' | 'intent' | 'none';
}

export interface Nlu {
  interpret(text: string, context?: QuestionContext): NluResult;
  /** Extract an answer of the given type only (no intent). */
  extract(text: string, context: QuestionContext): Extraction<Answer>;
  readonly sectors: SectorData['secteurs'];
  /** Fixed phrases: commands, confirmations, corrections, ordinals (one recogniser for every dialog). */
  readonly phrases: Phrases;
  /** The normaliser of the content's chat forms (knowledge/nlu/formes-chat.fr.json), compiled once. */
  readonly normalize: Normalize;
  /** The extractors' cues (knowledge/nlu/reponses.fr.json), compiled once. */
  readonly words: AnswerWords;
  /**
   * The learned reading of an answer to `questionId` (labels: option ids, yes/partly/no, dontknow, notconcerned),
   * best first; empty when the question has no examples or no word of the text is known.
   */
  guess(questionId: string, text: string): Guess[];
  /** Trains the learned reader in the background (the server calls it once started; it is trained on demand anyway). */
  warm(): Promise<void>;
  /** Intent classifier training time at start, in milliseconds (the learned reader trains later: `warm`). */
  readonly trainingMs: number;
}

export interface NluData {
  intents: IntentData;
  sectors: SectorData;
  territories: TerritoryData;
  phrases: PhraseData;
  chatForms: ChatForms;
  /** The words of answers read by the extractors (knowledge/nlu/reponses.fr.json). */
  answers: AnswerWordData;
  /** Labelled example answers per question (knowledge/nlu/exemples-reponses/), learned at start. */
  examples?: ExampleAnswers[];
}

/** An answer must be at least this sure to win over a model intent. */
export const ANSWER_THRESHOLD = 0.6;
/** A strong command from the model (not an exact command) must be this sure to win over an answer. */
export const STRONG_MODEL_THRESHOLD = 0.8;

function wrap<T, A extends Answer>(e: Extraction<T>, make: (v: T) => A): Extraction<Answer> {
  return e.ok ? { ok: true, value: make(e.value), confidence: e.confidence } : e;
}

export function extractAnswer(
  text: string,
  ctx: QuestionContext,
  idx: { sectors: SectorIndex; territories: TerritoryIndex; words: AnswerWords },
  /** The text as typed (capitals kept: « à Mer » is a town, « à la mer » is not). */
  original?: string,
): Extraction<Answer> {
  switch (ctx.type) {
    case 'yesno':
      return wrap(extractYesNo(text, idx.words.yesNo, ctx.allowNotConcerned ?? false), (value) => ({ type: 'yesno', value }));
    case 'choice':
      return wrap(extractChoice(text, ctx.options ?? []), (value) => ({ type: 'choice', value }));
    case 'multi':
      return wrap(extractMulti(text, ctx.options ?? []), (value) => ({ type: 'multi', value }));
    case 'number':
      return wrap(extractNumber(text), (value) => ({ type: 'number', value }));
    case 'percent':
      return wrap(extractPercent(text), (value) => ({ type: 'percent', value }));
    case 'money':
      return wrap(extractMoney(text, idx.words.money), (value) => ({ type: 'money', value }));
    case 'sector':
      return wrap(extractSector(text, idx.sectors), (value) => ({ type: 'sector', value }));
    case 'location':
      return wrap(extractLocation(text, idx.territories, original), (value) => ({ type: 'location', value }));
    case 'size':
      return wrap(extractSize(text, idx.words.size), (value) => ({ type: 'size', value }));
    case 'text': {
      const t = text.trim();
      return t ? { ok: true, value: { type: 'text', value: t }, confidence: 1 } : { ok: false, reason: 'not_understood' };
    }
  }
}

/** Decide between the answer to the current question and the intent. */
export function decide(intent: IntentResult, answer: Extraction<Answer> | undefined): NluResult['act'] {
  const strongCommand =
    intent.strong && (intent.source === 'command' || intent.source === 'pattern' || intent.confidence >= STRONG_MODEL_THRESHOLD);
  if (strongCommand) return 'intent';
  if (answer?.ok && answer.confidence >= ANSWER_THRESHOLD) return 'answer';
  if (intent.name !== 'none') return 'intent';
  if (answer?.ok) return 'answer';
  return 'none';
}

export function createNlu(data: NluData): Nlu {
  const normalize = createNormalizer(data.chatForms);
  const classifier = new IntentClassifier(data.intents, normalize);
  const words = compileAnswerWords(data.answers);
  const idx = { sectors: indexSectors(data.sectors), territories: indexTerritories(data.territories), words };
  const model = new AnswerModel(data.examples ?? [], normalize);
  return {
    normalize,
    words,
    trainingMs: classifier.trainingMs,
    guess: (questionId, text) => model.guess(questionId, text),
    warm: () => model.warm(),
    sectors: data.sectors.secteurs,
    phrases: createPhrases(data.phrases, normalize),
    extract: (text, ctx) => {
      const n = normalize(text);
      return extractAnswer(n.text, ctx, idx, n.original);
    },
    interpret(text, context) {
      const n = normalize(text);
      const intent = classifier.classify(n.text, n.folded);
      const answer = context ? extractAnswer(n.text, context, idx, n.original) : undefined;
      const result: NluResult = { original: n.original, normalized: n.text, intent, act: decide(intent, answer) };
      if (answer) result.answer = answer;
      return result;
    },
  };
}

export { createNormalizer, type ChatForms, type Normalize, type Normalized } from './normalize.js';
/** @deprecated for callers without an Nlu object at hand (src/diagnostic/answer-text.ts); prefer `nlu.normalize`. */
export { createPhrases, COMMANDS, type Command, type Phrases, type PhraseData, type Correction, type ReadingCues } from './phrases.js';
export { type AnswerCues } from './answer-cues.js';
export { fold, tokens, stem, analyze, isStopWord } from './analyze.js';
export { INTENTS, type IntentName, type IntentResult } from './intents.js';
export { AnswerModel, exampleFeatures, type ExampleAnswers, type Guess } from './examples.js';
export { extractYesNo, type YesNoCues } from './extract/yesno.js';
export { compileAnswerWords, type AnswerWords, type AnswerWordData } from './answer-words.js';
export { extractNumber, extractPercent } from './extract/numbers.js';
export { extractMoney } from './extract/money.js';
export { extractChoice, extractMulti } from './extract/choice.js';
export { extractSize, bandOf, namesPeople } from './extract/size.js';
export { extractSector, indexSectors, type SectorData, type SectorIndex } from './extract/sector.js';
export { extractLocation, indexTerritories, depOfPostalCode, type TerritoryData, type TerritoryIndex } from './extract/location.js';
export * from './types.js';
