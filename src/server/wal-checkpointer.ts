import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * WAL pages after which the writing connection checkpoints by itself, on the thread that answers requests. A
 * backstop only: the checkpointer keeps the WAL far below it, unless it fell behind or is gone.
 */
export const BACKSTOP_PAGES = 4096;

// Writes gather for this long before a checkpoint copies them: one checkpoint (and its two disk syncs) for
// hundreds of writes under load, and none at all while nothing is written.
const GATHER_MS = 100;

/** What the writing side tells the checkpointer, and how it lets it go. */
export type Checkpointer = {
  /** Says a transaction was committed: a checkpoint follows within {@link GATHER_MS} or after the running one. */
  wrote(): void;
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
 * The writing connection keeps a backstop ({@link BACKSTOP_PAGES}); if the worker fails, it is told so
 * (`onFailure`) and checkpoints by itself as before.
 */
export function startCheckpointer(path: string, onFailure: (error: unknown) => void): Checkpointer {
  const worker = new Worker(`(${checkpointInWorker.toString()})(require)`, {
    eval: true,
    workerData: { path, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
  });
  let state: 'idle' | 'gathering' | 'running' | 'closed' = 'idle';
  let wroteSince = false;
  const run = () => {
    state = 'running';
    wroteSince = false;
    worker.postMessage('checkpoint');
  };
  worker.on('message', () => {
    if (state === 'closed') return;
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
    onFailure(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the WAL checkpointer's thread ended (exit code ${code})`)));
  // Idle, the worker keeps nothing alive: the process may end without closing the store.
  worker.unref();
  return {
    wrote() {
      if (state === 'idle') gather();
      else if (state === 'running') wroteSince = true;
    },
    async close() {
      if (state === 'closed') return;
      state = 'closed';
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}

/**
 * The worker's body, run as a script of its own (so it may use only its arguments): a connection that answers
 * each 'checkpoint' with a PASSIVE checkpoint and each 'close' by closing. With `synchronous = NORMAL` a
 * checkpoint syncs the WAL before copying and the database file after, as the writer's own would.
 */
function checkpointInWorker(load: (id: string) => unknown): void {
  const { parentPort, workerData } = load('node:worker_threads') as typeof import('node:worker_threads');
  const Database = load(workerData.driver) as typeof import('better-sqlite3');
  const db = new Database(workerData.path);
  db.pragma('synchronous = NORMAL');
  parentPort?.on('message', (message: 'checkpoint' | 'close') => {
    if (message === 'close') {
      db.close();
      parentPort.close();
      return;
    }
    parentPort.postMessage(db.pragma('wal_checkpoint(PASSIVE)'));
  });
}
