// Realistic store content for the store benchmark: what one finished web-chat diagnostic leaves in the
// store (a transcript of ~35 user messages and the bot's replies with cards and suggested actions, the
// bot state, the diagnostic run and result, the subject record), about 76 KB in all. The generator
// writes the files directly in the store's on-disk layout (one pass, no store), so 50k conversations
// take minutes, not hours. BENCH_STORE_MESSAGES scales the transcript (35 by default).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { encodeShard, writeFileAtomic, type ShardData } from '../src/storage/shard-file.js';
import { DEFAULT_SHARDS, fnv1a } from '../src/storage/sharded-store.js';
import { logFile } from '../src/storage/log-collection.js';
import { encodeHeader, encodeRecords } from '../src/storage/log-file.js';

export const MESSAGES = Number(process.env.BENCH_STORE_MESSAGES ?? 35);
// Recent conversations (midnight UTC a week ago), inside the retention period (30 days by default)
// whatever the day the bench runs: with a fixed date, the purge at start deleted part of the store from
// 2026-12-01 on and the writes into those conversations failed (NotFound).
const DAY_MS = 86_400_000;
const T0 = Math.floor(Date.now() / DAY_MS) * DAY_MS - 7 * DAY_MS;

const QUESTIONS = [
  'Votre entreprise dispose-t-elle d’un site internet à jour, que vos clients consultent pour connaître vos horaires, vos produits et vos tarifs ?',
  'Comment vos clients vous trouvent-ils aujourd’hui : bouche-à-oreille, fiche Google, réseaux sociaux, annuaires professionnels ?',
  'Vos devis et vos factures sont-ils édités avec un logiciel, et envoyés par voie électronique à vos clients ?',
  'Vos sauvegardes sont-elles automatiques, testées, et conservées ailleurs que dans vos locaux ?',
];
const ANSWERS = [
  'Oui, c’est bien ça',
  'on a une page Facebook mais pas de site',
  'Pas encore',
  'Je ne sais pas trop, c’est mon neveu qui s’en occupe',
];

export function ids(i: number) {
  const conversationId = `bench${String(i).padStart(8, '0')}conversation${i % 97}`;
  const userId = `dl_benchuser${String(i).padStart(8, '0')}`;
  return { conversationId, userId, subject: `directline:${userId}` };
}

function iso(i: number, step: number): string {
  return new Date(T0 + i * 1000 + step * 20_000).toISOString();
}

/** The activities of one finished diagnostic, in the shape the Direct Line stores them. */
export function transcriptActivities(i: number): Array<Record<string, unknown>> {
  const { conversationId, userId } = ids(i);
  const out: Array<Record<string, unknown>> = [];
  const bot = { id: 'virage', name: 'Virage', role: 'bot' };
  let seq = 0;
  const push = (a: Record<string, unknown>) => {
    seq++;
    out.push({
      ...a,
      id: `${conversationId}|${String(seq).padStart(7, '0')}`,
      timestamp: iso(i, seq),
      channelId: 'directline',
      conversation: { id: conversationId },
    });
  };
  for (let m = 0; m < MESSAGES; m++) {
    push({
      type: 'message',
      from: { id: userId, role: 'user' },
      text: ANSWERS[(i + m) % ANSWERS.length],
      locale: 'fr-FR',
      textFormat: 'plain',
      channelData: { clientActivityID: `${i}-${m}-x7f3k9` },
    });
    const replyToId = `${conversationId}|${String(seq).padStart(7, '0')}`;
    if (m % 2 === 0)
      push({
        type: 'message',
        from: bot,
        replyToId,
        text: `C’est noté. Question ${m + 1} sur 24 — axe « présence en ligne ».`,
        inputHint: 'ignoringInput',
        locale: 'fr-FR',
      });
    const q = QUESTIONS[(i + m) % QUESTIONS.length];
    push({
      type: 'message',
      from: bot,
      replyToId,
      text: q,
      inputHint: 'expectingInput',
      locale: 'fr-FR',
      suggestedActions: { actions: ANSWERS.map((a) => ({ type: 'imBack', title: a, value: a })) },
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: {
            type: 'AdaptiveCard',
            version: '1.5',
            body: [
              { type: 'TextBlock', text: q, wrap: true },
              { type: 'Input.ChoiceSet', id: `q${m}`, style: 'expanded', choices: ANSWERS.map((a, k) => ({ title: a, value: String(k) })) },
            ],
            actions: [{ type: 'Action.Submit', title: 'Valider', data: { question: `q${m}` } }],
          },
        },
      ],
    });
  }
  return out;
}

export function transcriptDoc(i: number) {
  const { conversationId, userId } = ids(i);
  const entries = transcriptActivities(i).map((activity, k) => ({ seq: k + 1, size: JSON.stringify(activity).length, activity }));
  const last = entries[entries.length - 1]!.activity.timestamp as string;
  return {
    conversationId,
    userId,
    locale: 'fr-FR',
    createdAt: iso(i, 0),
    updatedAt: last,
    lastSeq: entries.length,
    bytes: entries.reduce((n, e) => n + e.size, 0),
    entries,
  };
}

function answers(i: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let q = 1; q <= 24; q++)
    out[`q${q}`] = { questionId: `presence-${q}`, choice: (i + q) % 4, text: ANSWERS[(i + q) % 4], at: iso(i, q * 3) };
  return out;
}

/** Every document of one conversation except the transcript: [collection, key, value]. */
export function otherDocs(i: number): Array<[string, string, unknown]> {
  const { conversationId, userId, subject } = ids(i);
  const at = iso(i, 3 * MESSAGES);
  const run = {
    questionnaireVersion: '2026.1',
    answers: answers(i),
    startedAt: iso(i, 0),
    updatedAt: at,
    completedAt: at,
    resultId: `result${String(i).padStart(20, '0')}`,
  };
  const axes = ['presence', 'vente', 'gestion', 'securite', 'collaboration', 'donnees', 'competences'].map((axis, k) => ({
    axis,
    score: (i + k) % 100,
    level: ['débutant', 'intermédiaire', 'avancé'][(i + k) % 3],
    priorities: [`Créer une fiche d’établissement pour l’axe ${axis}`, `Former un salarié référent (${axis})`],
    guides: [`guide-${axis}-1`, `guide-${axis}-2`],
  }));
  return [
    [
      'botstate',
      `directline/conversations/${conversationId}/`,
      {
        dialogState: { dialogStack: [{ id: 'main', state: { options: {}, values: { instanceId: `inst-${i}` }, stepIndex: 1 } }] },
        lastTurns: Array.from({ length: 10 }, (_, t) => ({ intent: 'diagnostic.answer', score: 0.8, at: iso(i, t) })),
        eTag: `boot-${i}`,
      },
    ],
    [
      'botstate',
      `directline/users/${userId}/`,
      {
        profile: {
          firstName: 'Marie',
          companyName: `Entreprise ${i}`,
          sector: 'commerce',
          employees: (i % 50) + 1,
          region: 'Nouvelle-Aquitaine',
        },
        consent: { at: iso(i, 0) },
        eTag: `boot-${i}u`,
      },
    ],
    [
      'subjects',
      subject,
      { subject, channelId: 'directline', userId, conversations: [conversationId], firstSeen: iso(i, 0), lastSeen: at },
    ],
    ['diagnostics', subject, { subject, completed: [run], updatedAt: at }],
    [
      'diagnostic-results',
      run.resultId,
      {
        id: run.resultId,
        subject,
        createdAt: at,
        result: { overall: i % 100, axes, region: 'Nouvelle-Aquitaine', aids: ['Chèque numérique régional', 'Prêt croissance TPE'] },
      },
    ],
  ];
}

/** Writes one collection's shard files for `count` conversations, building one shard at a time. */
async function writeShards(
  root: string,
  collection: string,
  count: number,
  docs: (i: number) => Array<[string, unknown]>,
  keys: (i: number) => string[],
): Promise<void> {
  const dir = path.join(root, collection);
  await fs.mkdir(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, '_meta.json'), JSON.stringify({ format: 1, shards: DEFAULT_SHARDS }));
  const buckets: number[][] = Array.from({ length: DEFAULT_SHARDS }, () => []);
  for (let i = 0; i < count; i++) for (const key of keys(i)) buckets[fnv1a(key) % DEFAULT_SHARDS]!.push(i);
  for (let s = 0; s < DEFAULT_SHARDS; s++) {
    if (buckets[s]!.length === 0) continue;
    const data: ShardData = new Map();
    for (const i of new Set(buckets[s])) {
      for (const [key, value] of docs(i))
        if (fnv1a(key) % DEFAULT_SHARDS === s) data.set(key, { json: JSON.stringify(value), eTag: `gen-${i}` });
    }
    await fs.writeFile(path.join(dir, `${String(s).padStart(String(DEFAULT_SHARDS - 1).length, '0')}.json`), encodeShard(data));
  }
}

export type Layout = 'shards' | 'logs';

/**
 * Fills `root` (the store directory, DATA_DIR/store) with `count` finished diagnostics. `from`: how many
 * a previous call wrote (the keyed collections are rewritten whole, logs only added).
 */
export async function generateStore(root: string, count: number, layout: Layout, from = 0): Promise<void> {
  for (const collection of ['botstate', 'subjects', 'diagnostics', 'diagnostic-results']) {
    const docs = (i: number) =>
      otherDocs(i)
        .filter(([c]) => c === collection)
        .map(([, k, v]) => [k, v] as [string, unknown]);
    const keyList = Array.from({ length: count }, (_, i) => docs(i).map(([k]) => k));
    await writeShards(root, collection, count, docs, (i) => keyList[i]!);
  }
  if (layout === 'shards') {
    await writeShards(
      root,
      'transcripts',
      count,
      (i) => [[ids(i).conversationId, transcriptDoc(i)]],
      (i) => [ids(i).conversationId],
    );
  } else {
    await writeTranscriptLogs(root, from, count);
  }
}

/** Writes each transcript as the append-only log the TranscriptStore keeps (DATA_DIR/store/transcripts.logs). */
async function writeTranscriptLogs(root: string, from: number, count: number): Promise<void> {
  const dir = path.join(root, 'transcripts.logs');
  const made = new Set<string>();
  for (let i = from; i < count; i++) {
    const doc = transcriptDoc(i);
    const file = logFile(dir, doc.conversationId);
    if (!made.has(path.dirname(file))) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      made.add(path.dirname(file));
    }
    const header = { conversationId: doc.conversationId, userId: doc.userId, locale: doc.locale, createdAt: doc.createdAt };
    await fs.writeFile(
      file,
      encodeHeader(doc.conversationId, header) + encodeRecords(doc.entries.map((e) => ({ s: e.seq, a: e.activity }))),
    );
    const at = new Date(doc.updatedAt);
    await fs.utimes(file, at, at);
  }
}

/** Bytes stored per conversation, by collection (for the report). */
export function bytesPerConversation(i = 1): Record<string, number> {
  const out: Record<string, number> = { transcripts: JSON.stringify(transcriptDoc(i)).length };
  for (const [c, , v] of otherDocs(i)) out[c] = (out[c] ?? 0) + JSON.stringify(v).length;
  return out;
}
