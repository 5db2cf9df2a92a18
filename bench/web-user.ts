// A web-chat user of the benchmarks: Microsoft's Direct Line client over WebSocket on a running Virage's
// self-hosted Direct Line (loopback), with a wait for the next matching activity and a post.
import { createNodeDirectLine, type Activity } from '../scripts/lib/directline-node.js';

export const fromBot = (a: Activity) => a.type === 'message' && a.from?.role === 'bot';
export const textOf = (a: Activity) => (a as { text?: string }).text ?? '';

/**
 * Opens the stream of the user of `t` on the Direct Line of `url`. `next` resolves with the first activity
 * matching among those received after the call (else fails after `timeoutMs`, the error naming `label`);
 * `listen` adds a listener for good.
 */
export function webUser(url: string, t: { token: string; userId: string }, label: string, timeoutMs = 60_000) {
  const dl = createNodeDirectLine({ domain: `${url}/v3/directline`, token: t.token, webSocket: true });
  const listeners = new Set<(a: Activity) => void>();
  dl.activity$.subscribe(
    (a) => listeners.forEach((l) => l(a)),
    () => undefined,
  );
  const next = (match: (a: Activity) => boolean): Promise<Activity> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${label}: no reply in time`)), timeoutMs);
      const listener = (a: Activity) => {
        if (!match(a)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(a);
      };
      listeners.add(listener);
    });
  const post = (text: string) =>
    new Promise((resolve, reject) =>
      dl.postActivity({ type: 'message', from: { id: t.userId }, text } as never).subscribe(resolve, reject),
    );
  /** The bot's greeting menu. */
  const greeted = () => next((a) => fromBot(a) && /Que souhaitez-vous faire/.test(textOf(a)));
  return { dl, next, post, greeted, listen: (l: (a: Activity) => void) => void listeners.add(l) };
}
