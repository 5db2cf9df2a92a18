// A publish/subscribe bus between the instances of Virage. With Redis (REDIS_URL), a message published
// by one instance reaches the subscribers of every instance, itself included; without Redis, the
// in-memory bus delivers within this process only (one instance, as before issue 12).
// Messages are JSON values. Each handler learns whether the message came from this instance (`local`),
// so that work done once per cluster (e.g. relaying an advisor's message to the user) is done by the
// instance that did the action, while fan-out (sockets) happens everywhere.
import { randomBytes } from 'node:crypto';

export interface Delivery {
  /** True when this instance published the message. */
  local: boolean;
  /** The publishing instance's id. */
  origin: string;
}

export type BusHandler = (message: unknown, delivery: Delivery) => void;

export interface Bus {
  /** This instance's id (random per process start). */
  readonly instanceId: string;
  /** True when messages cross instances (Redis); false for the in-memory bus. */
  readonly shared: boolean;
  /** Sends `message` to the subscribers of `topic` on every instance. */
  publish(topic: string, message: unknown): Promise<void>;
  /** Resolves once subscribed (messages published afterwards are delivered); returns the unsubscribe. */
  subscribe(topic: string, handler: BusHandler): Promise<() => void>;
  /** Called after a lost connection came back (messages may have been missed meanwhile): resync there. */
  onReconnect(listener: () => void): () => void;
  close(): Promise<void>;
}

export const newInstanceId = (): string => randomBytes(6).toString('hex');

/** Handlers by topic, shared by both buses; a handler that throws does not stop the others. */
export class TopicHandlers {
  private readonly byTopic = new Map<string, Set<BusHandler>>();

  constructor(private readonly onError: (err: unknown, topic: string) => void) {}

  /** Adds a handler; returns true when it is the topic's first (subscribe upstream then). */
  add(topic: string, handler: BusHandler): boolean {
    let set = this.byTopic.get(topic);
    const first = !set;
    if (!set) this.byTopic.set(topic, (set = new Set()));
    set.add(handler);
    return first;
  }

  /** Removes a handler; returns true when the topic has no handler left (unsubscribe upstream then). */
  remove(topic: string, handler: BusHandler): boolean {
    const set = this.byTopic.get(topic);
    if (!set?.delete(handler)) return false;
    if (set.size > 0) return false;
    this.byTopic.delete(topic);
    return true;
  }

  has(topic: string): boolean {
    return this.byTopic.has(topic);
  }

  topics(): string[] {
    return [...this.byTopic.keys()];
  }

  deliver(topic: string, message: unknown, delivery: Delivery): void {
    for (const handler of [...(this.byTopic.get(topic) ?? [])]) {
      try {
        handler(message, delivery);
      } catch (err) {
        this.onError(err, topic);
      }
    }
  }
}

/** The bus of a single instance: synchronous delivery, in this process only. */
export class MemoryBus implements Bus {
  readonly instanceId = newInstanceId();
  readonly shared = false;
  private readonly handlers: TopicHandlers;

  constructor(onError: (err: unknown, topic: string) => void = () => {}) {
    this.handlers = new TopicHandlers(onError);
  }

  async publish(topic: string, message: unknown): Promise<void> {
    this.publishNow(topic, message);
  }

  /** Delivers before returning (the in-memory bus only): keeps single-instance timing as it was. */
  publishNow(topic: string, message: unknown): void {
    this.handlers.deliver(topic, message, { local: true, origin: this.instanceId });
  }

  async subscribe(topic: string, handler: BusHandler): Promise<() => void> {
    return this.subscribeNow(topic, handler);
  }

  subscribeNow(topic: string, handler: BusHandler): () => void {
    this.handlers.add(topic, handler);
    return () => void this.handlers.remove(topic, handler);
  }

  onReconnect(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {}
}
