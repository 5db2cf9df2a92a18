// Outgoing activities to Microsoft Teams: paced under Teams' rate limits, retried on throttling.
//
// Installed on the CloudAdapter (installTeamsDelivery) so that every send of a Teams turn goes
// through it one activity at a time: a retry never re-sends an activity that already arrived.
// Other channels are untouched.
//
// Retries: Teams asks bots to back off exponentially with jitter on HTTP 429, and also to retry 412,
// 502 and 504 (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit, checked 2026-11-22).
// botbuilder's HTTP pipeline (@azure/core-rest-pipeline, default policy) already retries 429/503
// that carry Retry-After and 5xx up to 3 times; measured with botbuilder 4.23.3, it does NOT retry a
// 429 without Retry-After nor a 412. This layer retries those four statuses on top, honours a
// Retry-After it is given, and stops at a deadline so that a turn does not outlive Teams' patience.
import type { Activity, CloudAdapter, ResourceResponse, TurnContext } from 'botbuilder';
import type { Logger } from '../log.js';
import {
  memoryPacers,
  TEAMS_CONVERSATION_WINDOWS,
  TEAMS_TENANT_WINDOWS,
  systemClock,
  type Clock,
  type PacerFactory,
  type RateWindow,
} from './rate-limit.js';
import { teamsRenderingProblems } from './teams-cards.js';

export const TEAMS_CHANNEL = 'msteams';
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 412, 502, 504]);

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff; doubled on each retry, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry is started if its wait would end later than this after the first attempt. */
  deadlineMs: number;
  clock: Clock;
  random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 4,
  baseDelayMs: 400,
  maxDelayMs: 4_000,
  deadlineMs: 10_000,
  clock: systemClock,
  random: Math.random,
};

/** The HTTP status of a failed connector call (RestError.statusCode), if any. */
export function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; response?: { status?: unknown } } | undefined;
  const s = e?.statusCode ?? e?.response?.status;
  return typeof s === 'number' ? s : undefined;
}

/** Retry-After of a failed connector call, in ms (seconds or HTTP date), if the response had one. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as { response?: { headers?: unknown } } | undefined)?.response?.headers as
    { get?: (name: string) => string | undefined | null } | Record<string, string> | undefined;
  if (!headers) return undefined;
  const raw =
    typeof headers.get === 'function'
      ? headers.get('retry-after')
      : ((headers as Record<string, string>)['retry-after'] ?? (headers as Record<string, string>)['Retry-After']);
  if (raw === undefined || raw === null || raw === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(String(raw));
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface RetryEvent {
  attempt: number;
  status: number;
  delayMs: number;
}

/** Runs `send`, retrying on the statuses Teams asks to retry, with exponential backoff and jitter. */
export async function sendWithRetry<T>(
  send: () => Promise<T>,
  options: Partial<RetryOptions> = {},
  onRetry?: (event: RetryEvent) => void,
): Promise<T> {
  const o = { ...DEFAULT_RETRY, ...options };
  const start = o.clock.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const status = statusOf(error);
      if (status === undefined || !RETRYABLE_STATUSES.has(status) || attempt >= o.maxAttempts) throw error;
      const backoff = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
      const jittered = Math.round(backoff / 2 + o.random() * (backoff / 2));
      const delayMs = retryAfterMs(error, o.clock.now()) ?? jittered;
      if (o.clock.now() + delayMs - start > o.deadlineMs) throw error;
      onRetry?.({ attempt, status, delayMs });
      await o.clock.sleep(delayMs);
    }
  }
}

export interface TeamsDeliveryOptions {
  logger?: Logger;
  conversationWindows?: readonly RateWindow[];
  tenantWindows?: readonly RateWindow[];
  retry?: Partial<RetryOptions>;
  clock?: Clock;
  /** Margin added to each rate window (see SlidingWindowLimiter). */
  safetyMs?: number;
  /** Where the windows live: this process's memory (default) or Redis, shared by every instance. */
  pacers?: PacerFactory;
}

export const PACING_SAFETY_MS = 150;

const UNPACED_TYPES = new Set(['delay', 'invokeResponse', 'trace']);

/**
 * Makes `adapter` send Teams activities one by one, paced per conversation and per tenant (across
 * instances with Redis pacers), with retries. Also warns (without content) when a card or a text would
 * not render in Teams.
 */
export function installTeamsDelivery(adapter: CloudAdapter, options: TeamsDeliveryOptions = {}): CloudAdapter {
  const clock = options.clock ?? systemClock;
  const safety = options.safetyMs ?? PACING_SAFETY_MS;
  const pacers = options.pacers ?? memoryPacers(clock);
  const perConversation = pacers('conversation', options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS, safety);
  const perTenant = pacers('tenant', options.tenantWindows ?? TEAMS_TENANT_WINDOWS, safety);
  const original = adapter.sendActivities.bind(adapter);
  const retry = { clock, ...options.retry };

  adapter.sendActivities = async (context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> => {
    if (context.activity?.channelId !== TEAMS_CHANNEL) return original(context, activities);
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (UNPACED_TYPES.has(activity.type ?? '')) {
        responses.push(...(await original(context, [activity])));
        continue;
      }
      const problems = teamsRenderingProblems(activity);
      if (problems.length > 0) options.logger?.warn('[teams] activity may not render in Teams', { problems });
      const conversationId = activity.conversation?.id ?? context.activity.conversation?.id ?? '';
      const tenantId = tenantOf(context.activity);
      if (tenantId) await perTenant.acquire(tenantId);
      await perConversation.acquire(conversationId);
      const sent = await sendWithRetry(
        () => original(context, [activity]),
        retry,
        (e) => options.logger?.warn('[teams] connector throttled or failed, retrying', { ...e }),
      );
      responses.push(...sent);
    }
    return responses;
  };
  return adapter;
}

function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = channelData?.tenant?.id ?? activity.conversation?.tenantId;
  return typeof id === 'string' && id ? id : undefined;
}
