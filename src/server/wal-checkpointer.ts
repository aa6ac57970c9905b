import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * WAL pages after which the writing connection checkpoints by itself, on the thread that answers requests. A
 * backstop only: the checkpointer keeps the WAL far below it, unless it fell behind or is gone.
 */
export const BACKSTOP_PAGES = 4096;

// Writes gather for this long before a checkpoint copies them: one checkpoint (and its two disk syncs) for
// hundreds of writes under load, and none at all while nothing is written. Each checkpoint's writes and syncs
// slow the WAL's syncs that run beside them: at 100 ms the `PUT` p99 at 0.1 × bare was 16–26 ms, at 50 ms
// 14–15 ms (measured, alternated).
const GATHER_MS = 50;

/** WAL pages after which SQLite's connections checkpoint by themselves unless told otherwise. */
export const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/**
 * WAL pages (SQLite's own threshold) from which a checkpoint is followed by a catch-up while the writer holds
 * its commits, so that the WAL starts over (see {@link startCheckpointer}).
 */
export const CATCH_UP_PAGES = SQLITE_DEFAULT_AUTOCHECKPOINT;

// The longest the writer's commits wait for a catch-up: a thread that stopped answering holds nothing.
export const MAX_HOLD_MS = 200;

/** What the writing side tells the checkpointer, and how it lets it go. */
export type Checkpointer = {
  /** Says a transaction was committed: a checkpoint follows within {@link GATHER_MS} or after the running one. */
  wrote(): void;
  /** While a catch-up runs, a promise of its end, which the next commit waits for; otherwise `undefined`. */
  caughtUp(): Promise<void> | undefined;
  /** Closes the checkpointer's connection and ends its thread; resolves once both are gone. */
  close(): Promise<void>;
};

/**
 * Copies a WAL database's committed pages into its file from a worker thread with a connection of its own.
 * SQLite's own automatic checkpoint runs on the connection that commits, so copying thousands of pages and
 * syncing the WAL and the database file would stop every request for as long (a fifth of the endpoint's write
 * throughput, measured). A PASSIVE checkpoint waits for nobody: the writer goes on appending to the WAL
 * meanwhile and starts it over once everything in it was copied.
 *
 * A WAL starts over only once everything in it was copied before a write begins; under steady writes a
 * PASSIVE checkpoint never catches up, the WAL grows to the writer's backstop, and the writer's own
 * checkpoint there held every request for 12–25 ms (measured). So once the WAL passed {@link CATCH_UP_PAGES},
 * a second checkpoint copies what was written during the first while the writer's commits wait for it
 * (`caughtUp`): a few milliseconds, with requests still read meanwhile; the next write starts the WAL over.
 *
 * The writing connection keeps a backstop ({@link BACKSTOP_PAGES}); if the worker fails, it is told so
 * (`onFailure`) and checkpoints by itself as before.
 */
export function startCheckpointer(path: string, onFailure: (error: unknown) => void): Checkpointer {
  const worker = new Worker(`(${checkpointInWorker.toString()})(require)`, {
    eval: true,
    workerData: {
      path,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      catchUpPages: CATCH_UP_PAGES,
    },
  });
  let state: 'idle' | 'gathering' | 'running' | 'catching-up' | 'closed' = 'idle';
  let wroteSince = false;
  const hold = writerHold();
  const run = () => {
    state = 'running';
    wroteSince = false;
    worker.postMessage('checkpoint');
  };
  worker.on('message', ([{ log }]: [{ busy: number; log: number; checkpointed: number }]) => {
    if (state === 'closed') return;
    if (state === 'running' && log >= CATCH_UP_PAGES) {
      state = 'catching-up';
      hold.begin();
      worker.postMessage('catch-up');
      return;
    }
    hold.end();
    state = 'idle';
    if (wroteSince) gather();
  });
  const gather = () => {
    state = 'gathering';
    setTimeout(run, GATHER_MS).unref();
  };
  const fail = (error: unknown) => {
    if (state === 'closed') return;
    state = 'closed';
    hold.end();
    onFailure(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the WAL checkpointer's thread ended (exit code ${code})`)));
  // Idle, the worker keeps nothing alive: the process may end without closing the store.
  worker.unref();
  return {
    wrote() {
      if (state === 'idle') gather();
      else if (state === 'running' || state === 'catching-up') wroteSince = true;
    },
    caughtUp: hold.done,
    async close() {
      if (state === 'closed') return;
      state = 'closed';
      hold.end();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}

/** The writer's commits held during a catch-up: `done` is its end while it runs; never longer than {@link MAX_HOLD_MS}. */
export function writerHold() {
  let held: { done: Promise<void>; release: () => void } | undefined;
  const end = () => {
    held?.release();
    held = undefined;
  };
  return {
    begin() {
      let release = () => {};
      const done = new Promise<void>((resolve) => (release = resolve));
      const current = { done, release };
      held = current;
      setTimeout(() => held === current && end(), MAX_HOLD_MS).unref();
    },
    end,
    done: () => held?.done,
  };
}

/**
 * The worker's body, run as a script of its own (so it may use only its arguments): a connection that answers
 * each 'checkpoint' and 'catch-up' with a PASSIVE checkpoint and each 'close' by closing. With `synchronous =
 * NORMAL` a checkpoint syncs the WAL before copying and, once it copied everything, the database file after,
 * as the writer's own would. When a checkpoint leaves a WAL past `catchUpPages` (a catch-up follows), the
 * database file is synced here first, while the writer still commits: the catch-up's own sync, with the writer held, then has only its few pages
 * left to write (the hold went from about 10 to 3 ms, measured).
 */
function checkpointInWorker(load: (id: string) => unknown): void {
  const { parentPort, workerData } = load('node:worker_threads') as typeof import('node:worker_threads');
  const fs = load('node:fs') as typeof import('node:fs');
  const Database = load(workerData.driver) as typeof import('better-sqlite3');
  const db = new Database(workerData.path);
  db.pragma('synchronous = NORMAL');
  const file = fs.openSync(workerData.path, 'r');
  parentPort?.on('message', (message: 'checkpoint' | 'catch-up' | 'close') => {
    if (message === 'close') {
      fs.closeSync(file);
      db.close();
      parentPort.close();
      return;
    }
    const result = db.pragma('wal_checkpoint(PASSIVE)') as [{ log: number }];
    if (message === 'checkpoint' && result[0].log >= workerData.catchUpPages) fs.fdatasyncSync(file);
    parentPort.postMessage(result);
  });
}
