/**
 * One PostgreSQL transaction around a function. Apart from db/team/connect.ts (which loads pg), so
 * that what the app's main process and database worker bundle (db/team/sync.ts through the team.*
 * handlers) never loads the driver: only the documents worker's sync task and the CLI connect.
 */
import type { ClientBase } from 'pg';

/** Runs fn in one PostgreSQL transaction: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(client: ClientBase, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const value = await fn();
    await client.query('COMMIT');
    return value;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
