// Tells a CCI about a new request: a JSON POST to its webhook (retried with exponential backoff) and
// an e-mail through SMTP (nodemailer). Neither carries the transcript nor contact details: only the
// reference, the CCI, the reason and a link to the console, where the advisor logs in.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../log.js';
import { silentLogger } from '../log.js';
import { findCci } from './directory.js';
import type { HandoffService } from './service.js';
import type { Cci, HandoffRequest } from './types.js';

export interface NotifierOptions {
  /** Public base URL of the server (links to the console). */
  baseUrl: () => string;
  smtp?: { url: string; from: string };
  logger?: Logger;
  /** Attempts per webhook (default 3) and the first retry delay, doubled each time (default 1 s). */
  attempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
}

export interface WebhookPayload {
  event: 'handoff.created' | 'handoff.callback';
  reference: string;
  cci: { id: string; name: string };
  kind: HandoffRequest['kind'];
  status: HandoffRequest['status'];
  reason: string;
  departement?: string;
  createdAt: string;
  callbackLabel?: string;
  consoleUrl: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

export class Notifier {
  private readonly transport?: Transporter;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly logger: Logger;

  constructor(private readonly options: NotifierOptions) {
    this.logger = options.logger ?? silentLogger;
    if (options.smtp) this.transport = nodemailer.createTransport(options.smtp.url);
  }

  payload(request: HandoffRequest, cci: Cci, event: WebhookPayload['event']): WebhookPayload {
    return {
      event,
      reference: request.reference,
      cci: { id: cci.id, name: cci.name },
      kind: request.kind,
      status: request.status,
      reason: request.reason,
      ...(request.departement ? { departement: request.departement } : {}),
      createdAt: request.createdAt,
      ...(request.callbackLabel ? { callbackLabel: request.callbackLabel } : {}),
      consoleUrl: `${this.options.baseUrl()}/conseiller?demande=${encodeURIComponent(request.id)}`,
    };
  }

  /** POSTs the payload; retries network errors, timeouts, 408, 429 and 5xx. Resolves true when delivered. */
  async postWebhook(url: string, payload: WebhookPayload): Promise<boolean> {
    const attempts = this.options.attempts ?? 3;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let status = 0;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': 'Virage-handoff/1' },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
          redirect: 'error',
        });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return true;
      } catch {
        status = 0;
      }
      this.logger.warn('[handoff] webhook attempt failed', { reference: payload.reference, attempt, status });
      if (status !== 0 && !retryable(status)) return false;
      if (attempt < attempts) await sleep((this.options.baseDelayMs ?? 1000) * 2 ** (attempt - 1));
    }
    return false;
  }

  async sendEmail(to: string, request: HandoffRequest, cci: Cci, event: WebhookPayload['event']): Promise<boolean> {
    if (!this.transport || !this.options.smtp) return false;
    const p = this.payload(request, cci, event);
    const what = request.kind === 'live' ? 'demande d’échange en direct' : 'demande de rappel';
    const lines = [
      `Bonjour,`,
      ``,
      `Une nouvelle ${what} est arrivée pour ${cci.name} via Virage.`,
      ``,
      `Référence : ${p.reference}`,
      ...(p.departement ? [`Département : ${p.departement}`] : []),
      ...(p.callbackLabel ? [`Rappel à partir du : ${p.callbackLabel}`] : []),
      `Motif (mots de l’usager) : ${p.reason}`,
      ``,
      `Ouvrir la demande dans la console conseiller : ${p.consoleUrl}`,
      ``,
      `Les coordonnées et le contexte de l’échange sont visibles dans la console, après connexion.`,
    ];
    try {
      await this.transport.sendMail({
        from: this.options.smtp.from,
        to,
        subject: `[Virage] Nouvelle ${what} ${p.reference}`,
        text: lines.join('\n'),
      });
      return true;
    } catch (err) {
      this.logger.warn('[handoff] notification e-mail failed', { reference: p.reference, err: (err as Error).message });
      return false;
    }
  }

  /** Sends the webhook and the e-mail configured for the request's CCI (in the background). */
  notify(request: HandoffRequest, cci: Cci, event: WebhookPayload['event']): void {
    const jobs: Array<Promise<unknown>> = [];
    if (cci.contact.webhookUrl) jobs.push(this.postWebhook(cci.contact.webhookUrl, this.payload(request, cci, event)));
    if (cci.contact.notifyEmail) jobs.push(this.sendEmail(cci.contact.notifyEmail, request, cci, event));
    for (const job of jobs) {
      const tracked = job.catch(() => false).finally(() => this.pending.delete(tracked));
      this.pending.add(tracked);
    }
  }

  /** Resolves when every notification in flight has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  close(): void {
    this.transport?.close();
  }
}

/** Notifies each new request and each waiting request turned into a callback ticket. */
export function attachNotifier(service: HandoffService, notifier: Notifier): () => void {
  return service.onEvent((event) => {
    if (event.type !== 'request.created' && event.type !== 'request.callback') return;
    const cci = findCci(service.directory(), event.request.cciId);
    if (cci) notifier.notify(event.request, cci, event.type === 'request.created' ? 'handoff.created' : 'handoff.callback');
  });
}
