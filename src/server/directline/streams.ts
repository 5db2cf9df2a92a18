// Live delivery: a per-conversation publish/subscribe hub (fanned out to the other instances over the
// cluster bus when there is Redis), and the WebSocket streamUrl endpoint
// (`ws` in noServer mode on the HTTP server's 'upgrade' event). On connect a socket first gets the
// history after its watermark, then every new activity set, each as `{ activities, watermark }`.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MemoryBus, type Bus } from '../../cluster/index.js';
import { silentLogger, type Logger } from '../../log.js';
import { markUpgraded, refuseUpgrade, type UpgradeDispatcher } from '../upgrade.js';
import { isConversationId, parseWatermark } from './ids.js';
import type { TokenSigner } from './tokens.js';
import type { DlActivity, TranscriptStore } from './transcripts.js';

export interface ActivitySet {
  activities: DlActivity[];
  /** Absent for ephemeral sets (typing), which do not move the watermark. */
  watermark?: number;
}

type Listener = (set: ActivitySet) => void;

/** What goes on the bus for a conversation: an activity set, or "ended" (erased: close the streams). */
type Wire = { set: ActivitySet } | { ended: true };

/**
 * Per conversation, the live listeners of this instance. Sets are delivered here at once; with a shared
 * bus (Redis) they also go to the other instances, whose streams of the conversation receive them.
 */
export class StreamHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly closers = new Map<string, Set<() => void>>();
  /** Bus subscriptions of conversations that have local listeners (shared bus only). */
  private readonly remote = new Map<string, Promise<() => void>>();

  constructor(
    private readonly bus: Bus = new MemoryBus(),
    private readonly logger: Logger = silentLogger,
  ) {}

  private topic(conversationId: string): string {
    return `dl:${conversationId}`;
  }

  /** Resolves once the listener will receive every set published afterwards, by any instance. */
  async subscribe(conversationId: string, listener: Listener, close?: () => void): Promise<() => void> {
    let set = this.listeners.get(conversationId);
    if (!set) this.listeners.set(conversationId, (set = new Set()));
    set.add(listener);
    if (close) {
      let c = this.closers.get(conversationId);
      if (!c) this.closers.set(conversationId, (c = new Set()));
      c.add(close);
    }
    const unsubscribe = () => {
      set!.delete(listener);
      if (set!.size === 0 && this.listeners.get(conversationId) === set) {
        this.listeners.delete(conversationId);
        const sub = this.remote.get(conversationId);
        this.remote.delete(conversationId);
        void sub?.then(
          (off) => off(),
          () => undefined,
        );
      }
      if (close) {
        const c = this.closers.get(conversationId);
        c?.delete(close);
        if (c?.size === 0) this.closers.delete(conversationId);
      }
    };
    if (this.bus.shared) {
      let sub = this.remote.get(conversationId);
      if (!sub) {
        sub = this.bus.subscribe(this.topic(conversationId), (message, delivery) => {
          if (!delivery.local) this.receive(conversationId, message as Wire);
        });
        this.remote.set(conversationId, sub);
      }
      try {
        await sub;
      } catch (err) {
        unsubscribe();
        throw err;
      }
    }
    return unsubscribe;
  }

  publish(conversationId: string, set: ActivitySet): void {
    this.deliver(conversationId, set);
    this.share(conversationId, { set });
  }

  count(conversationId: string): number {
    return this.listeners.get(conversationId)?.size ?? 0;
  }

  /** Closes the live streams of a conversation (after erasure), on every instance. */
  closeConversation(conversationId: string): void {
    this.closeLocal(conversationId);
    this.share(conversationId, { ended: true });
  }

  private deliver(conversationId: string, set: ActivitySet): void {
    for (const listener of [...(this.listeners.get(conversationId) ?? [])]) listener(set);
  }

  private closeLocal(conversationId: string): void {
    for (const close of [...(this.closers.get(conversationId) ?? [])]) close();
  }

  private receive(conversationId: string, wire: Wire): void {
    if ('ended' in wire) this.closeLocal(conversationId);
    else if (wire.set && Array.isArray(wire.set.activities)) this.deliver(conversationId, wire.set);
  }

  private share(conversationId: string, wire: Wire): void {
    if (!this.bus.shared) return;
    this.bus
      .publish(this.topic(conversationId), wire)
      .catch((err: Error) => this.logger.error('[directline] stream fan-out failed', { err: err.message }));
  }
}

/**
 * Sends a stream's sets in watermark order. Two instances may store activities of one conversation one after
 * the other while the first one's set is still on its way over the bus: a set that leaves a gap after the last
 * one sent is preceded by what the store holds in between (`fill`), and the late set is then skipped as sent.
 */
export class OrderedSets {
  private sentUpTo: number | undefined;
  private queue = Promise.resolve();

  constructor(
    private readonly send: (set: ActivitySet) => void,
    private readonly fill: (after: number) => Promise<ActivitySet | undefined>,
    private readonly logger: Logger = silentLogger,
  ) {}

  get started(): boolean {
    return this.sentUpTo !== undefined;
  }

  /** The watermark of what was sent before (the history replayed on connect). */
  start(watermark: number): void {
    this.sentUpTo = watermark;
  }

  push(set: ActivitySet): void {
    this.queue = this.queue
      .then(() => this.next(set))
      .catch((err: Error) => this.logger.warn('[directline] stream delivery failed', { err: err.message }));
  }

  /** Resolves once every set pushed so far is sent or skipped. */
  idle(): Promise<void> {
    return this.queue;
  }

  private async next(set: ActivitySet): Promise<void> {
    if (set.watermark === undefined) return this.send(set);
    if (this.sentUpTo === undefined || set.watermark <= this.sentUpTo) return;
    if ((firstSeq(set) ?? this.sentUpTo + 1) > this.sentUpTo + 1) {
      const between = await this.fill(this.sentUpTo);
      if (between?.activities.length && between.watermark !== undefined && between.watermark > this.sentUpTo) {
        this.send(between);
        this.sentUpTo = between.watermark;
      }
      if (set.watermark <= this.sentUpTo) return;
    }
    this.send(set);
    this.sentUpTo = set.watermark;
  }
}

/** The sequence number of a set's first activity (its id ends with it: `conversation|0000012`). */
function firstSeq(set: ActivitySet): number | undefined {
  const id = set.activities[0]?.id;
  const n = id ? Number(id.slice(id.lastIndexOf('|') + 1)) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

export const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
const MAX_SOCKETS_PER_CONVERSATION = 10;
const HEARTBEAT_MS = 30_000;

export interface StreamDeps {
  hub: StreamHub;
  transcripts: TranscriptStore;
  signer: TokenSigner;
  logger: Logger;
}

function refuse(socket: Duplex, status: number, code: string, message: string): void {
  refuseUpgrade(socket, status, code, message);
}

/** Serves the streamUrl on the HTTP server; returns a function that closes every socket. */
export function attachStreams(upgrades: UpgradeDispatcher, deps: StreamDeps): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  const alive = new WeakMap<WebSocket, boolean>();

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer, url: URL) => {
    const match = STREAM_PATH.exec(url.pathname)!;
    void accept(req, socket, head, decodeURIComponent(match[1]!), url.searchParams).catch((err) => {
      deps.logger.error('[directline] stream upgrade failed', { err: String(err) });
      refuse(socket, 400, 'BadArgument', 'Connexion au flux impossible.');
    });
  };

  const accept = async (req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, query: URLSearchParams) => {
    if (!isConversationId(conversationId)) return refuse(socket, 404, 'NotFound', 'Conversation introuvable.');
    const verified = deps.signer.verify(query.get('t') ?? '', 'stream');
    if (!verified.ok)
      return refuse(socket, 403, verified.reason === 'expired' ? 'TokenExpired' : 'Forbidden', 'Jeton de flux invalide ou expiré.');
    if (verified.claims.conversationId !== conversationId)
      return refuse(socket, 403, 'Forbidden', 'Ce jeton ne donne pas accès à cette conversation.');
    const watermark = parseWatermark(query.get('watermark') ?? '');
    if (watermark === undefined) return refuse(socket, 400, 'BadArgument', 'Filigrane (watermark) invalide.');
    if (!(await deps.transcripts.exists(conversationId))) return refuse(socket, 404, 'NotFound', 'Conversation introuvable.');
    if (deps.hub.count(conversationId) >= MAX_SOCKETS_PER_CONVERSATION)
      return refuse(socket, 429, 'TooManyRequests', 'Trop de connexions ouvertes pour cette conversation.');
    wss.handleUpgrade(req, socket, head, (ws) => {
      markUpgraded(socket);
      void stream(ws, conversationId, watermark);
    });
  };

  const stream = async (ws: WebSocket, conversationId: string, watermark: number) => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('error', () => ws.terminate());
    const send = (set: ActivitySet) => {
      if (ws.readyState !== ws.OPEN) return;
      const wire =
        set.watermark === undefined ? { activities: set.activities } : { activities: set.activities, watermark: String(set.watermark) };
      ws.send(JSON.stringify(wire));
    };
    const ordered = new OrderedSets(send, (after) => deps.transcripts.since(conversationId, after), deps.logger);
    const pending: ActivitySet[] = [];
    const forward = (set: ActivitySet) => ordered.push(set);
    // Subscribe before reading the history, so nothing published in between is lost.
    const unsubscribe = await deps.hub.subscribe(
      conversationId,
      (set) => {
        if (!ordered.started && set.watermark !== undefined) pending.push(set);
        else forward(set);
      },
      () => ws.close(1000, 'conversation ended'),
    );
    if (ws.readyState !== ws.OPEN) return unsubscribe();
    ws.on('close', unsubscribe);
    const history = await deps.transcripts.since(conversationId, watermark);
    if (!history) {
      ws.close(1000, 'conversation ended');
      return;
    }
    if (history.activities.length) send(history);
    ordered.start(history.watermark);
    for (const set of pending) forward(set);
  };

  const unregister = upgrades.register(STREAM_PATH, onUpgrade);
  return () => {
    clearInterval(heartbeat);
    unregister();
    for (const ws of wss.clients) ws.terminate();
    wss.close();
  };
}
