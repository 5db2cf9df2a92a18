// Types of the digital-maturity diagnostic: the questionnaire (data in knowledge/diagnostic/), the answers
// the NLU layer extracts, and the firm's profile. Pure domain: no botbuilder, no dialogs.

export const AXIS_IDS = ['strategie', 'presence', 'vente', 'gestion', 'cyber', 'competences', 'ia'] as const;
export type AxisId = (typeof AXIS_IDS)[number];

export const SIZE_BANDS = ['0', '1-4', '5-9', '10-49', '50-249', '250+'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export type QuestionType = 'yesno' | 'choice' | 'multi' | 'number' | 'percent' | 'money' | 'sector' | 'location' | 'size';

/** Values of a yes/no question; the implicit options of every `yesno` question. */
export type YesNo = 'yes' | 'partly' | 'no';
export type MoneyPeriod = 'year' | 'month' | 'once';

/**
 * One answer, as extracted from a button or from free text by the NLU layer.
 * `dontknow` and `notconcerned` never count in a score (unless the question sets `dontKnowScore`).
 */
export type Answer =
  | { type: 'yesno'; value: YesNo }
  | { type: 'choice'; value: string }
  | { type: 'multi'; values: string[] }
  | { type: 'number'; value: number }
  | { type: 'percent'; value: number }
  | { type: 'money'; amount: number; period: MoneyPeriod }
  | { type: 'sector'; value: string }
  | { type: 'location'; departement?: string; region: string }
  | { type: 'size'; value: SizeBand }
  | { type: 'dontknow' }
  | { type: 'notconcerned' };

/** Answers by question id. JSON-serialisable: the dialog keeps it in its state. */
export type Answers = Readonly<Record<string, Answer>>;

export interface Option {
  id: string;
  label: string;
  /** Words a dirigeant may type for this option (the NLU matches them). */
  synonyms?: string[];
  /** 0–1. Required for scored choice/multi questions. */
  score?: number;
  /** Multi only: this option cannot be combined with others (e.g. « aucun »). */
  exclusive?: boolean;
  /** Choice only: the option that holds when several of the others are named (« Les deux »). */
  several?: boolean;
  /** [min, max) of the quantity the question measures (hours per week for `hoursPerWeek` questions, the count per period for `countedPer` ones). */
  range?: [number, number];
}

/** Number/percent/money scoring: the score of the highest band whose `min` ≤ value. */
export interface Band {
  min: number;
  score: number;
}

/**
 * Declarative condition on answers or profile. A leaf names a question (or a profile field) and a test;
 * `all` / `any` / `not` combine. A leaf on an unanswered question is false.
 */
export type Condition =
  | {
      question?: string;
      profile?: ProfileField;
      in?: string[];
      notIn?: string[];
      min?: number;
      max?: number;
      answered?: boolean;
    }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export interface RedFlagRule {
  id: string;
  /** Answer values of this question that raise the flag (yes/partly/no/dontknow/notconcerned or option ids). */
  in: string[];
  /** French reason shown to the dirigeant and passed to the advisor. */
  reason: string;
  /** Urgent flags (e.g. an ongoing cyberattack) ask for a human at once. */
  urgent?: boolean;
}

export type ProfileField = 'sizeBand' | 'sector' | 'clientele' | 'location' | 'status' | 'invoices' | 'budget' | 'time';

/** The period a count question counts per (« par an »). */
export type CountPeriod = 'an' | 'mois' | 'semaine' | 'jour';

export interface Question {
  /** « How many » questions: things a person may name instead of a number (« facebook|fb »). */
  countable?: string[];
  /** Choice options ordered from least to most: when several are named, the highest holds. */
  scale?: boolean;
  /** A question about a count per period: options carry `range` [min, max) of the count per that period. */
  countedPer?: CountPeriod;
  /** A question about the recent past: the window in months; something told as older is a « non ». */
  withinMonths?: number;
  /** A question about time: options carry `range` in hours per week; durations said in words pick one. */
  hoursPerWeek?: boolean;
  /** A yes/no question about the firm's own tools: the answer when the only one said to do it is an outside accountant. */
  outsourcedAnswer?: YesNo;
  /** Size, money, percent and number questions: the buttons offered and the value each stores (content-owned). */
  buttons?: Array<{ label: string; value: number | string }>;
  id: string;
  axis: AxisId | 'profil';
  text: string;
  why: string;
  type: QuestionType;
  example: string;
  options?: Option[];
  bands?: Band[];
  /** Multi: the option-score total that earns the full score (default: the sum of all option scores). */
  multiCap?: number;
  notConcernedAllowed?: boolean;
  /** When set, « je ne sais pas » counts with this score instead of being left out. */
  dontKnowScore?: number;
  /** Default: true for axis questions, false for profile questions. */
  scored?: boolean;
  skipIf?: Condition;
  /** The answer assumed when skipIf applies (e.g. no site → site not up to date). */
  whenSkipped?: Answer;
  redFlags?: RedFlagRule[];
  /** Profile questions: which profile field the answer fills. */
  profileField?: ProfileField;
  /** Short French label for summaries (« Site internet »). */
  short?: string;
}

export interface Axis {
  id: AxisId;
  label: string;
  description?: string;
}

export interface Questionnaire {
  version: string;
  title: string;
  axes: Axis[];
  questions: Question[];
}

/** What the plan and the comparisons need to know about the firm. Every field may be unknown. */
export interface Profile {
  sizeBand?: SizeBand;
  sector?: string;
  clientele?: string;
  region?: string;
  departement?: string;
  status?: string;
  invoices?: string;
  /** Budget available for digital this year, in euros (a monthly amount is counted ×12). */
  budgetPerYear?: number;
  time?: string;
}
