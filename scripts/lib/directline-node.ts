// Microsoft's Direct Line client (botframework-directlinejs, rxjs 5) on Node 20, with the three shims
// it needs there: an `ajax` service over fetch (no XMLHttpRequest), the global WebSocket (`ws`: the
// library only streams when `typeof WebSocket` is defined), and an error callback on activity$ (end()
// errors the stream). Used by `npm run chat` and by the integration tests.
import { DirectLine, type Activity, type DirectLineOptions } from 'botframework-directlinejs';
import { Observable } from 'rxjs/Observable.js';
import WebSocket from 'ws';

interface AjaxRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  timeout?: number;
}

/** directlinejs's `ajax` service, over fetch: emits `{ status, response }`, errors with `{ status, response }`. */
export function fetchAjax(cfg: AjaxRequest): Observable<{ status: number; response: any }> {
  return Observable.create((sub: any) => {
    const ctl = new AbortController();
    const timer = cfg.timeout ? setTimeout(() => ctl.abort(), cfg.timeout) : undefined;
    fetch(cfg.url, {
      method: cfg.method ?? 'GET',
      headers: cfg.headers,
      signal: ctl.signal,
      body: cfg.body === undefined ? undefined : typeof cfg.body === 'string' ? cfg.body : JSON.stringify(cfg.body),
    })
      .then(async (r) => {
        const text = await r.text();
        let response: unknown = null;
        try {
          response = text ? JSON.parse(text) : null;
        } catch {
          response = text;
        }
        if (r.ok) {
          sub.next({ status: r.status, response });
          sub.complete();
        } else sub.error({ status: r.status, response });
      })
      .catch((e: Error) => sub.error({ status: 0, message: e.message }))
      .finally(() => clearTimeout(timer));
    return () => ctl.abort();
  });
}

export type NodeDirectLineOptions = Omit<DirectLineOptions, 'webSocket'> & { webSocket: boolean };

/** A DirectLine client that works on Node (polling or WebSocket). */
export function createNodeDirectLine(options: NodeDirectLineOptions): DirectLine {
  if (options.webSocket && typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'undefined') {
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  }
  return new DirectLine({ ...options, ajax: fetchAjax, WebSocket } as DirectLineOptions);
}

export type { Activity, DirectLine };
