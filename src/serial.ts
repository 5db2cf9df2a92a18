// One task at a time per key (a conversation, a rate-limit key): what several classes need to keep the
// changes or sends of one key in order while different keys run side by side.

/**
 * A task starts once the previous task of its key has settled (resolved or failed: a failure is its
 * caller's, never the next task's); keys with nothing left queued are forgotten.
 */
export class KeyedSerial {
  private readonly queues = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.queues.get(key) ?? Promise.resolve()).then(task);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return result;
  }

  /** Whether a task of this key is queued or running. */
  busy(key: string): boolean {
    return this.queues.has(key);
  }
}
