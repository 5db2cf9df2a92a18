// The last queue position told to each waiting user, so that a user hears « vous avancez » only when
// their position improves. Queue moves are announced by the instance whose action moved the queue, so with
// several instances (Redis) the positions told are shared; in memory for one instance.
import type { SharedKeys } from '../cluster/index.js';

/** A told position outlives the longest wait in a queue. */
const TOLD_TTL_MS = 86_400_000;

export interface QueuePositions {
  /** Records `position` for the request; true when the user was told a worse (higher) one before. */
  moved(requestId: string, position: number): Promise<boolean>;
  /** The request left the queue (taken, ended, turned into a callback). */
  forget(requestId: string): Promise<void>;
}

export class MemoryQueuePositions implements QueuePositions {
  private readonly told = new Map<string, number>();

  async moved(requestId: string, position: number): Promise<boolean> {
    const before = this.told.get(requestId);
    this.told.set(requestId, position);
    return before !== undefined && position < before;
  }

  async forget(requestId: string): Promise<void> {
    this.told.delete(requestId);
  }
}

export class SharedQueuePositions implements QueuePositions {
  constructor(private readonly keys: SharedKeys) {}

  async moved(requestId: string, position: number): Promise<boolean> {
    const key = `handoff:told:${requestId}`;
    const before = await this.keys.get(key);
    await this.keys.put(key, String(position), TOLD_TTL_MS);
    return before !== undefined && position < Number(before);
  }

  async forget(requestId: string): Promise<void> {
    await this.keys.delete(`handoff:told:${requestId}`);
  }
}
