// The bus over Redis pub/sub: one channel per topic (prefix + "bus:" + topic), subscribed on the
// subscriber connection while this instance has handlers for it. ioredis subscribes again by itself
// after a reconnection; listeners of onReconnect then resync what may have been missed.
import type { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import { newInstanceId, TopicHandlers, type Bus, type BusHandler } from './bus.js';

interface Envelope {
  /** Origin instance. */
  o: string;
  /** The message. */
  m: unknown;
}

export class RedisBus implements Bus {
  readonly instanceId = newInstanceId();
  readonly shared = true;
  private readonly handlers: TopicHandlers;
  private readonly reconnectListeners = new Set<() => void>();
  private connectedOnce = false;

  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    this.handlers = new TopicHandlers((err, topic) => logger.error('[bus] handler failed', { topic, err: String(err) }));
    sub.on('message', (channel: string, data: string) => this.receive(channel, data));
    sub.on('ready', () => {
      if (!this.connectedOnce) {
        this.connectedOnce = true;
        return;
      }
      for (const listener of [...this.reconnectListeners]) listener();
    });
    if (sub.status === 'ready') this.connectedOnce = true;
  }

  private channel(topic: string): string {
    return `${this.prefix}bus:${topic}`;
  }

  async publish(topic: string, message: unknown): Promise<void> {
    const envelope: Envelope = { o: this.instanceId, m: message };
    await this.pub.publish(this.channel(topic), JSON.stringify(envelope));
  }

  async subscribe(topic: string, handler: BusHandler): Promise<() => void> {
    if (this.handlers.add(topic, handler)) {
      try {
        await this.sub.subscribe(this.channel(topic));
      } catch (err) {
        this.handlers.remove(topic, handler);
        throw err;
      }
    }
    return () => {
      if (this.handlers.remove(topic, handler)) {
        this.sub
          .unsubscribe(this.channel(topic))
          .catch((err: Error) => this.logger.warn('[bus] unsubscribe failed', { topic, err: err.message }));
      }
    };
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  private receive(channel: string, data: string): void {
    const head = `${this.prefix}bus:`;
    if (!channel.startsWith(head)) return;
    const topic = channel.slice(head.length);
    let envelope: Envelope;
    try {
      envelope = JSON.parse(data) as Envelope;
    } catch {
      this.logger.warn('[bus] unreadable message ignored', { topic });
      return;
    }
    this.handlers.deliver(topic, envelope.m, { local: envelope.o === this.instanceId, origin: envelope.o });
  }

  async close(): Promise<void> {
    this.reconnectListeners.clear();
    const topics = this.handlers.topics();
    if (topics.length && this.sub.status === 'ready')
      await this.sub.unsubscribe(...topics.map((t) => this.channel(t))).catch(() => undefined);
  }
}
