import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';

/**
 * Makes the SQLite file and its `-wal` and `-shm` companions readable by the owner only (0600), creating the
 * database file first so it never exists with wider permissions: it holds the receipt signing key and
 * personal data. SQLite creates the companions later with the database file's own permissions.
 */
export function keepPrivate(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}
