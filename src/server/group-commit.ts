/** One unit of work queued for the next transaction. */
type Work<T> = () => T;
type Entry = { work: Work<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Done = { entry: Entry; outcome: { ok: true; value: unknown } | { ok: false; error: unknown } };

/**
 * Group commit. Work queued during one turn of the event loop runs in one transaction (`runBatch`); the
 * transactions committed while a disk sync runs are made durable together by the one sync that follows it,
 * off the main thread. Each caller's promise settles only after a sync that began after its own commit,
 * so an answer never goes out before its data is on disk. Under load one sync serves many writes; with no
 * load a write waits for nothing but its own sync. While `ready` returns a promise, no batch runs until it
 * settles.
 */
export function groupCommit(
  runBatch: (batch: () => void) => void,
  sync: () => Promise<void>,
  ready: () => Promise<void> | undefined = () => undefined,
): <T>(work: Work<T>) => Promise<T> {
  let queue: Entry[] = [];
  let committed: Done[] = [];
  let syncing = false;

  const startSync = () => {
    syncing = true;
    const batch = committed;
    committed = [];
    sync()
      .then(
        () => settle(batch),
        // Nothing of these commits is known to be on disk.
        (error: unknown) => {
          for (const { entry } of batch) entry.reject(error);
        },
      )
      .finally(() => {
        syncing = false;
        if (committed.length > 0) startSync();
      });
  };

  const flush = () => {
    if (queue.length === 0) return;
    // Held back (a checkpoint catching up): the writes go on gathering, and go in one batch after it.
    const wait = ready();
    if (wait) {
      void wait.then(flush);
      return;
    }
    const batch = queue;
    queue = [];
    let done: Done[] = [];
    try {
      runBatch(() => {
        done = batch.map(runOne);
      });
    } catch (error) {
      // The transaction itself failed: none of it was committed.
      for (const entry of batch) entry.reject(error);
      return;
    }
    committed.push(...done);
    if (!syncing) startSync();
  };

  return <T>(work: Work<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // The first write of a batch waits one turn of the event loop, so the requests already read join it.
      if (queue.length === 1) setImmediate(flush);
    });
}

/** Runs one unit of work inside the batch's transaction; a failing one is settled alone. */
function runOne(entry: Entry): Done {
  try {
    return { entry, outcome: { ok: true, value: entry.work() } };
  } catch (error) {
    return { entry, outcome: { ok: false, error } };
  }
}

/** Answers each caller of a batch now on disk with its own outcome. */
function settle(batch: Done[]): void {
  for (const { entry, outcome } of batch) {
    if (outcome.ok) entry.resolve(outcome.value);
    else entry.reject(outcome.error);
  }
}
