// The one export whitelist: for every personal-data source, the fields « mes données » gives out.
// The privacy registry applies it to whatever a source returns, so a source can hand over its raw
// records without leaking internals (conversation references with the secret channel key in their
// serviceUrl, storage keys, dialog stacks, internal ids, advisor logins). A source without an entry
// here cannot be registered; a field not listed here never leaves.
//
// A shape is:
//   'value'   a string, number, boolean or null (anything else is dropped);
//   'values'  a list of such values, or an object of label → value (e.g. the profile of the firm);
//   'data'    user content kept as is (a diagnostic answer or result, a card the bot showed);
//   { … }     an object: only the fields listed, each with its own shape;
//   [shape]   a list whose every item has that shape.

export type ExportShape = 'value' | 'values' | 'data' | { readonly [field: string]: ExportShape } | readonly [ExportShape];

const line = { from: 'value', text: 'value', at: 'value' } as const;
const run = {
  questionnaireVersion: 'value',
  answers: 'data',
  currentQuestion: 'value',
  startedAt: 'value',
  updatedAt: 'value',
  completedAt: 'value',
  resultId: 'value',
} as const;

export const EXPORT_FIELDS: Readonly<Record<string, ExportShape>> = {
  // src/bot/state-privacy.ts — not the dialog stacks nor the storage keys.
  conversation: {
    channel: 'value',
    firstSeen: 'value',
    lastSeen: 'value',
    conversations: [{ id: 'value', recentMessages: [line] }],
  },
  // src/bot/contact-privacy.ts
  'handoff-contact': { name: 'value', company: 'value', email: 'value', phone: 'value', departement: 'value' },
  // src/diagnostic/records.ts
  diagnostics: {
    runs: { current: run, completed: [run], updatedAt: 'value' },
    results: [{ id: 'value', createdAt: 'value', result: 'data' }],
  },
  // src/handoff/status.ts — not `conversation` (a ConversationReference: its serviceUrl carries the
  // channel key), nor the internal id, subject, CCI id or the advisor's login.
  handoffs: [
    {
      reference: 'value',
      kind: 'value',
      status: 'value',
      advisor: { displayName: 'value', firstName: 'value', title: 'value' },
      contact: { name: 'value', company: 'value', email: 'value', phone: 'value' },
      departement: 'value',
      reason: 'value',
      consentAt: 'value',
      context: {
        transcript: [line],
        profile: 'values',
        diagnostic: {
          scores: 'values',
          globalScore: 'value',
          level: 'value',
          priorities: 'values',
          redFlags: 'values',
          completedAt: 'value',
          progress: { since: 'value', rows: [{ label: 'value', before: 'value', after: 'value' }] },
        },
      },
      createdAt: 'value',
      updatedAt: 'value',
      takenAt: 'value',
      endedAt: 'value',
      endedBy: 'value',
      callbackAt: 'value',
      callbackLabel: 'value',
      messages: [{ from: 'value', text: 'value', at: 'value', by: 'value' }],
      notes: [{ at: 'value', by: 'value', text: 'value' }],
      rating: 'value',
    },
  ],
  // src/server/directline/transcripts.ts — what was said and shown, not the activities' routing
  // (serviceUrl, conversation, recipient, channelData, replyToId…).
  transcripts: [
    {
      conversationId: 'value',
      createdAt: 'value',
      updatedAt: 'value',
      activities: [
        {
          type: 'value',
          timestamp: 'value',
          from: { role: 'value', name: 'value' },
          text: 'value',
          value: 'data',
          attachments: [{ contentType: 'value', name: 'value', content: 'data' }],
          suggestedActions: { actions: [{ title: 'value', value: 'value' }] },
        },
      ],
    },
  ],
  // src/followup/consents.ts — not the send attempts nor the purge date.
  'follow-up': { channel: 'value', consentAt: 'value', dueAt: 'value', email: 'value', remindedAt: 'value', offeredAt: 'value' },
  // src/knowledge/feedback.ts — the questions Virage could not answer, kept for the curators, and votes.
  'kb-questions': {
    questions: [{ query: 'value', kind: 'value', firstDay: 'value', lastDay: 'value' }],
    votes: [{ guideId: 'value', sectionId: 'value', vote: 'value', query: 'value', day: 'value' }],
  },
};

const isLeaf = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Serialisable copy of `data` (no functions, dates as ISO strings) used for 'data' shapes. */
function plain(data: unknown): unknown {
  return data === undefined ? undefined : JSON.parse(JSON.stringify(data));
}

/** Keeps only what `shape` allows; undefined when nothing is left of a value. */
export function pickExport(shape: ExportShape, data: unknown): unknown {
  if (data === undefined) return undefined;
  if (shape === 'value') return isLeaf(data) ? data : undefined;
  if (shape === 'data') return plain(data);
  if (shape === 'values') {
    if (Array.isArray(data)) return data.filter(isLeaf);
    if (data && typeof data === 'object') return Object.fromEntries(Object.entries(data).filter(([, v]) => isLeaf(v)));
    return undefined;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(data)) return undefined;
    return data.map((item) => pickExport(shape[0], item)).filter((item) => item !== undefined);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data === null ? null : undefined;
  const out: Record<string, unknown> = {};
  for (const [field, sub] of Object.entries(shape as Record<string, ExportShape>)) {
    const value = pickExport(sub, (data as Record<string, unknown>)[field]);
    if (value !== undefined) out[field] = value;
  }
  return out;
}
