import type Database from 'better-sqlite3';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { groupCommit } from './group-commit.js';
import {
  BACKSTOP_PAGES,
  type Checkpointer,
  SQLITE_DEFAULT_AUTOCHECKPOINT,
  startCheckpointer,
} from './wal-checkpointer.js';

/** Queues work for the next group commit; settles once that commit is on disk. */
export type Commit = ReturnType<typeof groupCommit>;

/**
 * The group commit of a store (see sqlite-store.ts): each batch one transaction, the WAL synced
 * off the main thread and checkpointed on a worker thread; `closeWal` stops the checkpointer, closes the
 * database with `closeDatabase` (which checkpoints and removes the WAL) and then the WAL's own handle.
 */
export function durableCommits(
  db: Database.Database,
  path: string,
  inMemory: boolean,
  erasedSinceLastAsked: () => boolean,
): { commit: Commit; closeWal: (closeDatabase: () => void) => Promise<void> } {
  const wal = walOf(path, inMemory);
  const checkpointer = inMemory ? undefined : checkpointerOf(db, path);
  const commit = groupCommit(
    (batch) => {
      db.transaction(batch).immediate();
      // Copies everything into the database file (synced) and empties the WAL, which held the erased rows.
      if (erasedSinceLastAsked()) emptyWal(db);
      checkpointer?.wrote();
    },
    wal.sync,
    () => checkpointer?.caughtUp(),
  );
  return {
    commit,
    async closeWal(closeDatabase) {
      await checkpointer?.close();
      closeDatabase();
      await wal.close();
    },
  };
}

/**
 * The store's checkpointer, with the writing connection's own checkpoints held back to a backstop while it
 * runs, and back to SQLite's default if it fails.
 */
function checkpointerOf(db: Database.Database, path: string): Checkpointer {
  const checkpointer = startCheckpointer(path, () =>
    db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`),
  );
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  return checkpointer;
}

// How long an erasure's checkpoint waits, at most, for the checkpointer's own to finish.
const EMPTY_WAL_TRIES = 5000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Checkpoints everything and truncates the WAL. While the checkpointer copies, SQLite answers "busy" at once
 * (no busy handler runs for the checkpoint lock), so this waits for it, a millisecond at a time, blocking:
 * erasures are rare, and an erasure's answer must not go out while its rows are still in the WAL.
 */
function emptyWal(db: Database.Database): void {
  for (let tries = 0; tries < EMPTY_WAL_TRIES; tries++) {
    const [{ busy }] = db.pragma('wal_checkpoint(TRUNCATE)') as [{ busy: number }];
    if (busy === 0) return;
    Atomics.wait(pause, 0, 0, 1);
  }
  throw new Error('the WAL could not be emptied after an erasure: a checkpoint kept it busy for 5 s');
}

/**
 * The WAL's own disk sync, which `synchronous = NORMAL` leaves to the store (see sqlite-store.ts),
 * and its closing. Nothing to sync for an in-memory database.
 */
function walOf(path: string, inMemory: boolean): { sync: () => Promise<void>; close: () => Promise<void> } {
  let wal: Promise<FileHandle> | undefined;
  /** The WAL, opened once the first commit made it, with its directory entry synced (a new file needs both). */
  const walFile = () =>
    (wal ??= (async () => {
      const handle = await open(`${path}-wal`, 'r');
      const dir = await open(dirname(path), 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
      return handle;
    })().catch((error: unknown) => {
      wal = undefined;
      throw error;
    }));
  return {
    // fdatasync, as SQLite itself syncs: the data and the file's size, not its times.
    sync: async () => {
      if (!inMemory) await (await walFile()).datasync();
    },
    close: async () => {
      await (await wal?.catch(() => undefined))?.close();
    },
  };
}
