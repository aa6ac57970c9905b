/** One unit of work queued for the next batch: runs inside the batch's transaction. */
type Work<T> = () => T;

/**
 * Group commit: queued work runs in one transaction per batch (`runBatch`), then one `sync()` makes the whole
 * batch durable, off the main thread. Each caller's promise settles only after the sync of its own batch.
 * Work queued while a sync runs forms the next batch, so under load one disk sync serves many writes,
 * and with no load a write waits for nothing but its own sync.
 */
export function groupCommit(
  runBatch: (batch: () => void) => void,
  sync: () => Promise<void>,
): <T>(work: Work<T>) => Promise<T> {
  let queue: { work: Work<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  let busy = false;

  const flush = async () => {
    busy = true;
    const batch = queue;
    queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      runBatch(() => {
        for (const { work } of batch) {
          try {
            outcomes.push({ ok: true, value: work() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
      await sync();
      batch.forEach(({ resolve, reject }, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) resolve(outcome.value);
        else reject(outcome.error);
      });
    } catch (error) {
      // The transaction or the sync failed: nothing of this batch is known to be on disk.
      for (const { reject } of batch) reject(error);
    } finally {
      busy = false;
      if (queue.length > 0) setImmediate(flush);
    }
  };

  return <T>(work: Work<T>) => new Promise<T>((resolve, reject) => {
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    // The first write of a batch waits one turn of the event loop, so requests already read join it.
    if (!busy && queue.length === 1) setImmediate(flush);
  });
}
