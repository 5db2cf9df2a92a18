// Validation of the activities that enter the self-hosted Direct Line: from the page (untrusted: only
// known fields are kept, sizes are capped, from.id must be the token's user) and from the bot (serviceUrl,
// which carries the secret channel key, never reaches a page).
import type { DlActivity } from './transcripts.js';

export const MAX_TEXT_CHARS = 4000;
export const MAX_USER_ACTIVITY_BYTES = 32 * 1024;
export const MAX_BOT_ACTIVITY_BYTES = 64 * 1024;
const USER_TYPES = new Set(['message', 'typing', 'event', 'endOfConversation']);

export const BOT_ACCOUNT = { id: 'virage', name: 'Virage', role: 'bot' } as const;

export type NewActivity = Omit<DlActivity, 'id' | 'timestamp'>;

export type Checked = { ok: true; activity: NewActivity } | { ok: false; status: number; code: string; message: string };

const bad = (message: string): Checked => ({ ok: false, status: 400, code: 'BadArgument', message });
const tooBig = (message: string): Checked => ({ ok: false, status: 413, code: 'MessageSizeTooBig', message });

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shortString(v: unknown, max: number): string | undefined {
  return typeof v === 'string' && v.length <= max ? v : undefined;
}

/** Checks an activity posted by a client and rebuilds it from known fields only. */
export function checkUserActivity(body: unknown, conversationId: string, userId: string): Checked {
  if (!isObject(body)) return bad('L’activité doit être un objet JSON.');
  let size: number;
  try {
    size = JSON.stringify(body).length;
  } catch {
    return bad('L’activité n’est pas un JSON valide.');
  }
  if (size > MAX_USER_ACTIVITY_BYTES) return tooBig(`Activité trop volumineuse (${MAX_USER_ACTIVITY_BYTES} octets au plus).`);
  if (typeof body.type !== 'string' || !USER_TYPES.has(body.type)) {
    return bad('Type d’activité manquant ou non pris en charge (message, typing, event ou endOfConversation).');
  }
  if (body.text !== undefined && body.text !== null && typeof body.text !== 'string') return bad('Le champ « text » doit être une chaîne.');
  if (typeof body.text === 'string' && body.text.length > MAX_TEXT_CHARS) {
    return tooBig(`Message trop long : ${MAX_TEXT_CHARS} caractères au plus.`);
  }
  if (body.from !== undefined) {
    if (!isObject(body.from)) return bad('Le champ « from » doit être un objet.');
    if (body.from.id !== undefined && body.from.id !== userId) {
      return { ok: false, status: 403, code: 'Forbidden', message: 'L’identifiant « from.id » ne correspond pas au jeton.' };
    }
  }
  if (
    body.attachments !== undefined &&
    (!Array.isArray(body.attachments) || body.attachments.length > 10 || !body.attachments.every(isObject))
  ) {
    return bad('Le champ « attachments » doit être une liste de 10 objets au plus.');
  }
  if (body.channelData !== undefined && !isObject(body.channelData)) return bad('Le champ « channelData » doit être un objet.');
  if (body.name !== undefined && shortString(body.name, 200) === undefined) return bad('Le champ « name » doit être une chaîne courte.');

  const fromName = isObject(body.from) ? shortString(body.from.name, 100) : undefined;
  const activity: Record<string, unknown> = {
    type: body.type,
    channelId: 'directline',
    conversation: { id: conversationId },
    from: { id: userId, ...(fromName ? { name: fromName } : {}), role: 'user' },
    recipient: { ...BOT_ACCOUNT },
  };
  if (typeof body.text === 'string') activity.text = body.text;
  const textFormat = shortString(body.textFormat, 20);
  if (textFormat) activity.textFormat = textFormat;
  const locale = shortString(body.locale, 20);
  if (locale) activity.locale = locale;
  if (body.attachments) activity.attachments = body.attachments;
  if (body.channelData) activity.channelData = body.channelData;
  if (body.value !== undefined) activity.value = body.value;
  if (typeof body.name === 'string') activity.name = body.name;
  if (Array.isArray(body.entities) && body.entities.length <= 10) activity.entities = body.entities;
  if (typeof body.replyToId === 'string' && body.replyToId.length <= 200) activity.replyToId = body.replyToId;
  return { ok: true, activity: activity as NewActivity };
}

/** Checks an activity sent by the bot (or the advisor relay) and strips what a page must not see. */
export function checkBotActivity(body: unknown, conversationId: string): Checked {
  if (!isObject(body)) return bad('L’activité doit être un objet JSON.');
  if (typeof body.type !== 'string' || body.type.length > 50) return bad('Type d’activité manquant.');
  let size: number;
  try {
    size = JSON.stringify(body).length;
  } catch {
    return bad('L’activité n’est pas un JSON valide.');
  }
  if (size > MAX_BOT_ACTIVITY_BYTES) return tooBig(`Activité trop volumineuse (${MAX_BOT_ACTIVITY_BYTES} octets au plus).`);
  const { serviceUrl: _s, id: _i, timestamp: _t, localTimestamp: _l, ...rest } = body;
  const from =
    isObject(body.from) && typeof body.from.id === 'string' ? { ...body.from, role: body.from.role ?? 'bot' } : { ...BOT_ACCOUNT };
  const activity = { ...rest, channelId: 'directline', conversation: { id: conversationId }, from } as NewActivity;
  return { ok: true, activity };
}

/** Activity types a page only needs live (not kept in the history nor replayed). */
export function isEphemeral(type: string): boolean {
  return type === 'typing';
}

/** Activity types that never go to a page. */
export function isInternal(type: string): boolean {
  return type === 'trace' || type === 'delay' || type === 'invokeResponse';
}
