// The loaded shards of a store, bounded in bytes: the least recently used idle shards are dropped from
// memory (they are read again on next use), so memory stays bounded whatever DATA_DIR holds.

/** What the cache needs from a shard. */
export interface Cacheable {
  /** Approximate size of its loaded content (the file's length). */
  readonly bytes: number;
  /** True when it can be dropped now: loaded, no write running or queued, no operation holding it. */
  evictable(): boolean;
  release(): void;
}

export class ShardCache {
  /** Insertion order is recency: the first entry is the least recently used. */
  private readonly lru = new Map<Cacheable, number>();
  private total = 0;

  constructor(readonly maxBytes: number) {}

  /** Records a use of `shard` (and its current size), then evicts down to the budget. */
  touch(shard: Cacheable): void {
    this.total -= this.lru.get(shard) ?? 0;
    this.lru.delete(shard);
    this.lru.set(shard, shard.bytes);
    this.total += shard.bytes;
    if (this.total > this.maxBytes) this.evict();
  }

  forget(shard: Cacheable): void {
    this.total -= this.lru.get(shard) ?? 0;
    this.lru.delete(shard);
  }

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.lru.size;
  }

  private evict(): void {
    for (const [shard, bytes] of this.lru) {
      if (this.total <= this.maxBytes) return;
      if (!shard.evictable()) continue;
      shard.release();
      this.lru.delete(shard);
      this.total -= bytes;
    }
  }
}
