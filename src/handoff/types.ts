// Types of the handoff domain: the advisors directory and the handoff requests.
// Plain data only (stored as JSON); no botbuilder type crosses this boundary: the edge gives the
// conversation reference as opaque JSON and gets it back in events.

/** Office hours of one weekday, as [start, end) local times "HH:MM" in Europe/Paris. */
export type Interval = [string, string];

export const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** « conseiller » (default): the console · « responsable »: the console and the CCI's dashboard. */
export const ADVISOR_ROLES = ['conseiller', 'responsable'] as const;
export type AdvisorRole = (typeof ADVISOR_ROLES)[number];

export interface Advisor {
  login: string;
  displayName: string;
  firstName: string;
  /** Job title shown to the user, e.g. « conseillère numérique » (default « conseiller numérique »). */
  title?: string;
  /** scrypt hash (see passwords.ts); absent in the example file until `npm run advisor:add` sets it. */
  passwordHash?: string;
  /** Absent: « conseiller ». A « responsable » also sees the dashboard of their own CCI. */
  role?: AdvisorRole;
}

export interface CciContact {
  phone: string;
  email: string;
  /** Receives a JSON POST for each new request (no transcript). */
  webhookUrl?: string;
  /** Receives an e-mail for each new request (no transcript). */
  notifyEmail?: string;
}

export interface Cci {
  id: string;
  name: string;
  /** Département codes covered ("33", "2A", "971"); empty for the national fallback. */
  departements: string[];
  hours: Record<Weekday, Interval[]>;
  /** "YYYY-MM-DD" (one date) or "MM-DD" (every year). */
  closedDays: string[];
  /** "france": French public holidays (fixed and Easter-based) are closed days too. */
  publicHolidays?: 'france' | 'none';
  contact: CciContact;
  advisors: Advisor[];
}

export interface AdvisorsDirectory {
  version: 1;
  /** Id of the CCI that takes requests from départements no CCI covers. */
  fallbackCci: string;
  ccis: Cci[];
}

export const STATUSES = ['en_attente', 'en_cours', 'rappel', 'rappele', 'clos'] as const;
/**
 * en_attente: waiting in the live queue · en_cours: taken by an advisor (live chat, or a callback
 * ticket being handled) · rappel: callback ticket, new · rappele: called back · clos: closed.
 */
export type HandoffStatus = (typeof STATUSES)[number];
export type HandoffKind = 'live' | 'callback';

export interface Contact {
  name?: string;
  company?: string;
  email?: string;
  phone?: string;
}

export interface TranscriptLine {
  from: 'user' | 'bot';
  text: string;
  at?: string;
}

/** What the diagnostic produced, summarised for the advisor (filled by the edge when one exists). */
export interface DiagnosticSummary {
  /** Score per axis label, 0–100. */
  scores: Record<string, number>;
  globalScore?: number;
  level?: string;
  priorities: string[];
  redFlags: string[];
  completedAt?: string;
  /** T0 → T1: scores of the same person's previous diagnostic beside these (follow-up diagnostic). */
  progress?: ProgressSummary;
}

export interface ProgressSummary {
  /** Date of the previous diagnostic (ISO). */
  since: string;
  /** « Score global » first, then each axis label, with both scores (null when not scored). */
  rows: Array<{ label: string; before: number | null; after: number | null }>;
}

export interface ContextPackage {
  /** The last messages of the conversation with the bot (at most MAX_TRANSCRIPT lines). */
  transcript: TranscriptLine[];
  /** Profile of the firm (sector, size, région...), as label → value. */
  profile: Record<string, string>;
  diagnostic?: DiagnosticSummary;
}

export interface HandoffMessage {
  from: 'user' | 'advisor' | 'system';
  text: string;
  at: string;
  /** Advisor's first name, for advisor messages. */
  by?: string;
}

export interface AdvisorNote {
  at: string;
  by: string;
  text: string;
}

export interface AdvisorRef {
  login: string;
  displayName: string;
  firstName: string;
  title?: string;
}

export type EndReason = 'advisor' | 'user' | 'bot' | 'erased';

export interface HandoffRequest {
  id: string;
  /** Readable reference given to the user, e.g. VIR-7K3Q9. */
  reference: string;
  subject: string;
  channelId: string;
  /** Opaque JSON given by the edge (a botbuilder ConversationReference): returned in events. */
  conversation: unknown;
  cciId: string;
  kind: HandoffKind;
  status: HandoffStatus;
  advisor?: AdvisorRef;
  contact: Contact;
  departement?: string;
  reason: string;
  consentAt: string;
  context: ContextPackage;
  createdAt: string;
  updatedAt: string;
  takenAt?: string;
  endedAt?: string;
  endedBy?: EndReason;
  /** For callback tickets: from when an advisor may call (now when the CCI was open, else its next opening; ISO) and the same in French words. */
  callbackAt?: string;
  callbackLabel?: string;
  /** Why a callback rather than live: ferme (closed), personne (open, no advisor free), demande (asked for). */
  callbackWhy?: 'ferme' | 'personne' | 'demande';
  messages: HandoffMessage[];
  notes: AdvisorNote[];
  rating?: number;
}
