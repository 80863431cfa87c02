/**
 * Sync as a task of the documents worker (db/documents/tasks.ts), so that the contract can offer it
 * synchronously (team.sync): the caller (the database worker, web mode, the CLI) blocks in
 * runInWorkerSync while the task opens the case file on a connection of its own, connects to the
 * team database and syncs. The caller's connection is outside any transaction meanwhile (SQLite's
 * WAL lets the task write), and sees the pulled rows when it reads next.
 *
 * Credentials come from the process environment (PGPASSWORD, PGPASSFILE and the other PG*
 * variables) and the URL the copy keeps, which has none; no message carries them (db/team/connect.ts).
 */
import { CaseError } from '../errors';
import { closeCase, openCase } from '../open';
import { connectTeam, teamError } from './connect';
import { requireLink, sync, type SyncResult } from './sync';

export interface TeamSyncTaskInput {
  file: string;
  /** Overrides the server URL the copy keeps. */
  url?: string;
}

export async function teamSyncTask(input: TeamSyncTaskInput): Promise<SyncResult> {
  const handle = openCase(input.file);
  try {
    const link = requireLink(handle.db);
    const url = input.url ?? (link.server || undefined);
    const client = await connectTeam(url);
    try {
      return await sync(handle.db, client);
    } catch (e) {
      throw e instanceof CaseError ? e : teamError(e, url, `sync with team case "${link.name}" failed`);
    } finally {
      await client.end();
    }
  } finally {
    closeCase(handle);
  }
}
