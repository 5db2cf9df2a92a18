// Identifiers of the self-hosted Direct Line: conversation ids, user ids, activity ids, watermarks.
import { randomBytes } from 'node:crypto';

/** Ids that we mint and accept in URLs: base64url, 16–64 characters. */
const CONVERSATION_ID = /^[A-Za-z0-9_-]{16,64}$/;
/** User ids supplied by pages: "dl_" + safe characters, 64 at most (Azure's enhanced-auth rule). */
const USER_ID = /^dl_[A-Za-z0-9_-]{1,61}$/;

export function newConversationId(): string {
  return randomBytes(18).toString('base64url');
}

export function newUserId(): string {
  return `dl_${randomBytes(15).toString('base64url')}`;
}

export function isConversationId(value: unknown): value is string {
  return typeof value === 'string' && CONVERSATION_ID.test(value);
}

export function isUserId(value: unknown): value is string {
  return typeof value === 'string' && USER_ID.test(value);
}

/** Activity ids look like Azure's: "<conversationId>|0000042". */
export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/** Parses a client watermark: '' or absent means "from the start"; anything else must be digits. */
export function parseWatermark(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return 0;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}
