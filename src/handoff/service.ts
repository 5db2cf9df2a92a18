// The handoff service: requests in the `handoffs` collection (the source of truth), live queues and
// an index in memory rebuilt from it at start, state transitions, messages, and events. Reads go through
// the index (request-index.ts); this class writes, keeps the queues and emits.
import type { Logger } from '../log.js';
import { silentLogger } from '../log.js';
import { HandoffEvents, type HandoffEvent, type HandoffListener, type QueueEntry } from './events.js';
import { WaitQueues } from './queue.js';
import { checkText, HandoffError, MAX_NOTES } from './requests.js';
import { RequestIndex } from './request-index.js';
import { nextSlot, routeDepartement } from './routing.js';
import { planHandoff, type HandoffPlan } from './availability.js';
import { newHandoffRequest } from './intake.js';
import { findCci } from './directory.js';
import type { AdvisorsDirectory, Cci, EndReason, HandoffRequest, HandoffStatus } from './types.js';
import type { AdvisorIdentity, HandoffServiceOptions, NewRequest } from './service-types.js';
import { ticketStatusChange } from './tickets.js';
import { advisorRef, ended, taken, toCallback, withMessage } from './transitions.js';

export const HANDOFFS_COLLECTION = 'handoffs';

export type { AdvisorIdentity, HandoffServiceOptions, NewRequest } from './service-types.js';

export class HandoffService {
  /** Events of actions done by this instance (relay, notifications: once per cluster). */
  readonly events: HandoffEvents;
  /** Events of every instance (console sockets); remote ones arrive through applyRemote. */
  readonly allEvents: HandoffEvents;
  private readonly index: RequestIndex;
  private readonly queues: WaitQueues;
  private readonly clock: () => Date;
  private readonly logger: Logger;

  private constructor(private readonly options: HandoffServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.index = new RequestIndex(options.store.collection<HandoffRequest>(HANDOFFS_COLLECTION), this.clock);
    this.logger = options.logger ?? silentLogger;
    this.queues = new WaitQueues((cciId) => options.availability.availableNow(cciId));
    const onError = (err: unknown, event: HandoffEvent) =>
      this.logger.error('[handoff] listener failed', { type: event.type, err: String(err) });
    this.events = new HandoffEvents(onError);
    this.allEvents = new HandoffEvents(onError);
  }

  /** Opens the service and rebuilds the queues, the index and the take-time averages from the store. */
  static async open(options: HandoffServiceOptions): Promise<HandoffService> {
    const service = new HandoffService(options);
    await service.reload();
    return service;
  }

  /** Rebuilds the queues, the index and the averages from the store (at start; after a missed bus). */
  async reload(): Promise<void> {
    this.queues.clear();
    for (const r of await this.index.rebuild()) {
      if (r.status === 'en_attente') this.enqueue(r);
      if (r.kind === 'live' && r.takenAt) this.queues.recordTake(r.cciId, Date.parse(r.takenAt) - Date.parse(r.createdAt));
    }
  }

  /** Events of this instance's actions only (relay, notifications). */
  onEvent(listener: HandoffListener): () => void {
    return this.events.on(listener);
  }

  /** Events of every instance's actions (console sockets). */
  onAnyEvent(listener: HandoffListener): () => void {
    return this.allEvents.on(listener);
  }

  /** An event from another instance (cluster bus): the index and queues follow, then console sockets. */
  applyRemote(event: HandoffEvent): void {
    if (event.type === 'queue.moved') {
      this.queues.keepOnly(event.cciId, new Set(event.entries.map((e) => e.id)));
    } else {
      const r = event.request;
      const wasWaiting = this.queues.remove(r.cciId, r.id);
      this.index.set(r);
      if (r.status === 'en_attente') this.enqueue(r);
      else if (wasWaiting && event.type === 'request.taken' && r.takenAt)
        this.queues.recordTake(r.cciId, Date.parse(r.takenAt) - Date.parse(r.createdAt));
    }
    this.allEvents.emit(event);
  }

  directory(): AdvisorsDirectory {
    return this.options.directory();
  }

  /** Live or callback for a request to this CCI now (the dialog shows it; create decides again). */
  async plan(cci: Cci, mode: NewRequest['mode'], now = this.clock()): Promise<HandoffPlan> {
    return planHandoff(cci, mode, now, mode === 'live' ? await this.options.availability.available(cci.id) : 0);
  }

  async create(input: NewRequest): Promise<{ request: HandoffRequest; plan: HandoffPlan; queue?: QueueEntry }> {
    const now = this.clock();
    const cci = routeDepartement(this.directory(), input.departement);
    const plan = await this.plan(cci, input.mode, now);
    const request = await this.index.insertNew(
      (reference) => newHandoffRequest(input, cci, plan, now, reference),
      this.options.randomIndex,
    );
    if (plan.live) this.enqueue(request);
    this.emit({ type: 'request.created', request });
    if (plan.live) this.emitQueue(cci.id);
    return { request, plan, ...(plan.live ? { queue: this.queues.entry(cci.id, request.id) } : {}) };
  }

  get(id: string): Promise<HandoffRequest | undefined> {
    return this.index.get(id);
  }

  getByReference(reference: string): Promise<HandoffRequest | undefined> {
    return this.index.getByReference(reference);
  }

  /** The user's most recent request, whatever its status. */
  latestFor(subject: string): Promise<HandoffRequest | undefined> {
    return this.index.latestFor(subject);
  }

  /** The request the relay must route the user's messages to: waiting or live with an advisor. */
  liveFor(subject: string): Promise<HandoffRequest | undefined> {
    return this.index.liveFor(subject);
  }

  queueOf(cciId: string): QueueEntry[] {
    return this.queues.entries(cciId);
  }

  positionOf(request: HandoffRequest): QueueEntry | undefined {
    return request.status === 'en_attente' ? this.queues.entry(request.cciId, request.id) : undefined;
  }

  /** Requests of a CCI: open ones, and the closed ones of the last `closedDays` days. */
  listForCci(cciId: string, closedDays = 7): Promise<HandoffRequest[]> {
    return this.index.listForCci(cciId, closedDays);
  }

  /** An advisor takes a waiting request (live chat) or a callback ticket (to handle it). */
  async take(advisor: AdvisorIdentity, id: string): Promise<HandoffRequest> {
    const now = this.clock();
    const request = await this.transition(id, advisor, (r) => taken(r, advisor, now.toISOString()));
    if (this.queues.remove(request.cciId, id)) {
      this.queues.recordTake(request.cciId, now.getTime() - Date.parse(request.createdAt));
      this.emitQueue(request.cciId);
    }
    this.emit({ type: 'request.taken', request, advisor: advisorRef(advisor) });
    return request;
  }

  /** Ends a request: by the advisor, by the user (« terminer »), or given back to the bot. */
  async end(id: string, by: EndReason, advisor?: AdvisorIdentity): Promise<HandoffRequest> {
    const now = this.clock().toISOString();
    const request = await this.transition(id, advisor, (r) => ended(r, by, now));
    if (this.queues.remove(request.cciId, id)) this.emitQueue(request.cciId);
    this.emit({ type: 'request.ended', request, by });
    return request;
  }

  /** The advisor hands the conversation back to the bot (ends the live chat, the bot answers again). */
  giveBackToBot(id: string, advisor?: AdvisorIdentity): Promise<HandoffRequest> {
    return this.end(id, 'bot', advisor);
  }

  /** Waiting requests older than maxWaitMs become callback tickets at the CCI's next opening. */
  async timeoutWaiting(now: Date, maxWaitMs: number): Promise<HandoffRequest[]> {
    const out: HandoffRequest[] = [];
    const moved = new Set<string>();
    for (const { cciId, id } of this.queues.overdue(now.getTime(), maxWaitMs)) {
      const cci = findCci(this.directory(), cciId);
      const slot = cci ? nextSlot(cci, now) : undefined;
      try {
        const request = await this.transition(id, undefined, (r) => toCallback(r, slot));
        this.queues.remove(cciId, id);
        moved.add(cciId);
        out.push(request);
        this.emit({ type: 'request.callback', request });
      } catch (err) {
        if (!(err instanceof HandoffError)) throw err;
        this.queues.remove(cciId, id);
      }
    }
    for (const cciId of moved) this.emitQueue(cciId);
    return out;
  }

  async postUserMessage(id: string, text: string): Promise<HandoffRequest> {
    const body = checkText(text.slice(0, 2000));
    return this.appendMessage(id, undefined, { from: 'user', text: body, at: this.clock().toISOString() }, 'message.user');
  }

  /** Stores an advisor's message and emits `message.advisor`: the relay delivers it to the user. */
  async postAdvisorMessage(id: string, advisor: AdvisorIdentity, text: string): Promise<HandoffRequest> {
    const body = checkText(text);
    return this.appendMessage(
      id,
      advisor,
      { from: 'advisor', text: body, at: this.clock().toISOString(), by: advisor.firstName },
      'message.advisor',
    );
  }

  async typing(id: string, from: 'user' | 'advisor', advisor?: AdvisorIdentity): Promise<void> {
    const request = await this.get(id);
    if (!request || (advisor && request.cciId !== advisor.cciId)) throw notFound();
    this.emit({ type: 'typing', request, from });
  }

  async addNote(id: string, advisor: AdvisorIdentity, text: string): Promise<HandoffRequest> {
    const body = checkText(text, 'La note');
    const note = { at: this.clock().toISOString(), by: advisor.displayName, text: body };
    return this.transition(id, advisor, (r) => ({ ...r, notes: [...r.notes, note].slice(-MAX_NOTES) }));
  }

  /** Ticket workflow in the console: nouveau (rappel) → en cours → rappelé → clos. */
  async setTicketStatus(id: string, advisor: AdvisorIdentity, status: HandoffStatus): Promise<HandoffRequest> {
    const now = this.clock().toISOString();
    let ended = false;
    const request = await this.transition(id, advisor, (r) => {
      const change = ticketStatusChange(r, status, advisorRef(advisor), now);
      ended = change.ended;
      return change.request;
    });
    this.emit(ended ? { type: 'request.ended', request, by: 'advisor' } : { type: 'request.updated', request });
    return request;
  }

  /** The user's rating of the exchange, 1–5. */
  async rate(id: string, rating: number): Promise<HandoffRequest> {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5)
      throw new HandoffError('BadArgument', 'La note doit être un nombre entier de 1 à 5.');
    return this.transition(id, undefined, (r) => ({ ...r, rating }));
  }

  /** Deletes requests (privacy erasure or retention purge), keeping queues and index in step. */
  async remove(ids: string[]): Promise<number> {
    let n = 0;
    const moved = new Set<string>();
    for (const id of ids) {
      if (await this.index.requests.delete(id)) n++;
      const entry = this.index.forget(id);
      if (entry && this.queues.remove(entry.cciId, id)) moved.add(entry.cciId);
    }
    for (const cciId of moved) this.emitQueue(cciId);
    return n;
  }

  /** Every request of a subject, for export and erasure. */
  allFor(subject: string): Promise<HandoffRequest[]> {
    return this.index.allFor(subject);
  }

  olderThan(cutoff: Date): Promise<HandoffRequest[]> {
    return this.index.olderThan(cutoff);
  }

  private async appendMessage(
    id: string,
    advisor: AdvisorIdentity | undefined,
    message: HandoffRequest['messages'][number],
    type: 'message.user' | 'message.advisor',
  ): Promise<HandoffRequest> {
    const request = await this.transition(id, advisor, (r) => withMessage(r, message));
    this.emit(type === 'message.user' ? { type, request, message } : { type, request, message });
    return request;
  }

  /** Read-modify-write of one request, serialised by the store; refuses other CCIs' requests as unknown. */
  private async transition(
    id: string,
    advisor: AdvisorIdentity | undefined,
    change: (r: HandoffRequest) => HandoffRequest,
  ): Promise<HandoffRequest> {
    if (!this.index.has(id)) throw notFound();
    let error: unknown;
    const next = await this.index.requests.update(id, (current) => {
      if (!current) return undefined;
      if (advisor && current.cciId !== advisor.cciId) {
        error = notFound();
        return current;
      }
      try {
        return { ...change(current), updatedAt: this.clock().toISOString() };
      } catch (err) {
        error = err;
        return current;
      }
    });
    if (error) throw error;
    if (!next) throw notFound();
    this.index.set(next);
    return next;
  }

  private enqueue(r: HandoffRequest): void {
    this.queues.add(r.cciId, {
      id: r.id,
      reference: r.reference,
      subject: r.subject,
      conversation: r.conversation,
      createdAt: Date.parse(r.createdAt),
    });
  }

  private emitQueue(cciId: string): void {
    this.emit({ type: 'queue.moved', cciId, entries: this.queues.entries(cciId) });
  }

  private emit(event: HandoffEvent): void {
    this.events.emit(event);
    this.allEvents.emit(event);
  }
}

const notFound = () => new HandoffError('NotFound', 'Demande introuvable.');
