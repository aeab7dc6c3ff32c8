import Database from 'better-sqlite3';
import { StoreError } from '../store.js';

/** Held by one ingest run at a time per SQLite file; released by `release()` or when the process ends, however it ends. */
export interface WriterLock {
  readonly file: string;
  release(): void;
}

export interface WriterLockOptions {
  /** Called once if another run holds the lock, before waiting for it. */
  readonly onWait?: (lockFile: string) => void;
  /** Polled while waiting: true gives up (the run was asked to stop) and returns null. */
  readonly shouldStop?: () => boolean;
  /** Milliseconds between tries while waiting (default 200). */
  readonly pollMs?: number;
}

/**
 * One writer per SQLite file (issue 19: two `ingest` runs of one file into one
 * database stored documents side by side, linked near-duplicates from what each
 * had seen, and left a ledger that differed from a clean run's). The lock is an
 * exclusive transaction on a small SQLite file beside the database
 * (`FILE.ingest-lock`), so it is the operating system's file lock: a run killed
 * at any point, even by SIGKILL, leaves no stale lock behind. A second run waits
 * until the first has finished and then finds its documents stored.
 *
 * Only ingest takes it: readers and the server's single-document writes go on
 * beside a run, as SQLite's WAL lets them.
 */
export async function acquireWriterLock(dbFile: string, options: WriterLockOptions = {}): Promise<WriterLock | null> {
  const file = `${dbFile}.ingest-lock`;
  let db: Database.Database;
  try {
    // timeout 0: a busy lock throws at once and is tried again below, without blocking the event loop.
    db = new Database(file, { timeout: 0 });
  } catch (error) {
    throw new StoreError(`cannot open the ingest lock ${file}: ${(error as Error).message}`, { cause: error });
  }
  let waited = false;
  for (;;) {
    try {
      // The journal in memory: no FILE.ingest-lock-journal beside the lock while it is held (the lock writes nothing).
      db.pragma('journal_mode = MEMORY');
      db.exec('BEGIN EXCLUSIVE');
      return {
        file,
        release() {
          if (!db.open) return;
          if (db.inTransaction) db.exec('ROLLBACK');
          db.close();
        },
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') {
        db.close();
        throw new StoreError(`cannot take the ingest lock ${file}: ${(error as Error).message}`, { cause: error });
      }
    }
    if (!waited) options.onWait?.(file);
    waited = true;
    if (options.shouldStop?.()) {
      db.close();
      return null;
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
  }
}
