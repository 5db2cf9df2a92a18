// Where links shown to people point. PUBLIC_URL when set; otherwise the origin the person's own page reached
// us at (stamped by the Direct Line routes on each activity they deliver to the bot), so that links work from
// any device and stay same-origin for the page's CSP; last resort, the loopback address of this process.
import type { VirageConfig } from '../config.js';

/** The key the Direct Line routes set in a delivered activity's channelData (never taken from a client). */
export const ORIGIN_KEY = 'virageOrigin';

const ORIGIN = /^https?:\/\/(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** Something that may carry the stamped origin: a bot activity, or nothing. */
export interface OriginCarrier {
  channelData?: unknown;
}

export interface PublicUrls {
  /** Absolute base URL (no trailing slash) for links shown in the conversation `activity` belongs to. */
  base(activity?: OriginCarrier): string;
  /** A short-lived signed link to download everything held about `subject` (GET /mes-donnees/<token>). */
  exportLink(subject: string, activity?: OriginCarrier): string;
}

/** The stamped origin of an activity, when present and well-formed. */
export function stampedOrigin(activity: OriginCarrier | undefined): string | undefined {
  const data = activity?.channelData;
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>)[ORIGIN_KEY];
  return typeof value === 'string' && ORIGIN.test(value) ? value : undefined;
}

/** `sign` makes the token of an export link (SignedLinks.sign). */
export function publicUrls(
  config: Pick<VirageConfig, 'publicUrl'>,
  boundPort: () => number,
  sign: (subject: string) => string,
): PublicUrls {
  const fixed = config.publicUrl?.replace(/\/+$/, '');
  const base = (activity?: OriginCarrier) => fixed ?? stampedOrigin(activity) ?? `http://localhost:${boundPort()}`;
  return {
    base,
    exportLink: (subject, activity) => `${base(activity)}/mes-donnees/${sign(subject)}`,
  };
}
