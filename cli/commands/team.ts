/** team setup, publish, join, members; sync; conflicts: the team store on PostgreSQL (issue 15; docs/team.md). */
import { basename } from 'node:path';
import { CaseError, CaseFileError } from '../../db/errors';
import { resolveConflict, teamConflicts, type TeamConflict } from '../../db/team/conflicts';
import { connectTeam, inTransaction, safeUrl, serverUrl, teamError } from '../../db/team/connect';
import { joinCase, publishCase } from '../../db/team/publish';
import { setupTeam, TEAM_GROUP } from '../../db/team/schema';
import { requireLink, sync, type SyncResult } from '../../db/team/sync';
import type pg from 'pg';
import { str, UsageError, type Command, type CommandContext } from '../command';

/**
 * Connects to the team database (--db, else the PG* variables), runs fn, and closes the connection.
 * Errors of ClaimTrail's own pass as they are; the server's are reworded without credentials.
 */
async function withTeam<T>(
  ctx: CommandContext,
  what: string,
  fn: (client: pg.Client, url: string | undefined) => Promise<T>,
  url = str(ctx.values, 'db'),
): Promise<T> {
  const client = await connectTeam(url);
  try {
    return await fn(client, url).catch((e: unknown) => {
      throw e instanceof CaseError || e instanceof CaseFileError ? e : teamError(e, url, what);
    });
  } finally {
    await client.end();
  }
}

const teamSetup: Command = {
  name: 'team setup',
  usage: 'team setup [--db URL]',
  summary: 'Create or upgrade the team schema on PostgreSQL (run by a database owner; idempotent). Without --db, the PG* variables.',
  options: { db: { type: 'string' } },
  async run(ctx) {
    const { r, db } = await withTeam(ctx, 'team setup failed', async (client, url) => ({ r: await setupTeam(client), db: safeUrl(url) }));
    const value = { ...r, db, group: TEAM_GROUP };
    ctx.print(value, () =>
      r.applied.length
        ? `Team schema at version ${r.to} on ${db} (applied ${r.applied.join(', ')}). Grant ${TEAM_GROUP} to each analyst's role.`
        : `Team schema already at version ${r.to} on ${db}: nothing to do.`,
    );
  },
};

const teamPublish: Command = {
  name: 'team publish',
  usage: 'team publish [--db URL] [--name NAME] [--case FILE]',
  summary: "Upload a local case's whole history as a new team case (you become its owner).",
  options: { db: { type: 'string' }, name: { type: 'string' } },
  async run(ctx) {
    const url = str(ctx.values, 'db');
    const r = await ctx.withCase((_api, handle) =>
      withTeam(ctx, `team publish of ${handle.path} failed`, (client) =>
        publishCase(handle.db, client, str(ctx.values, 'name') ?? basename(handle.path).replace(/\.claimtrail$/, ''), serverUrl(url)),
      ),
    );
    ctx.print({ ...r, db: safeUrl(url) }, () => `Published ${r.events} events as team case "${r.name}" (${r.caseId}) on ${safeUrl(url)}.`);
  },
};

const teamJoin: Command = {
  name: 'team join',
  usage: 'team join [--db URL] --case NAME --to FILE',
  summary: "Build a new local case file from a team case's events (its team chain verified first).",
  options: { db: { type: 'string' }, 'case-name': { type: 'string' }, to: { type: 'string' } },
  async run(ctx) {
    const url = str(ctx.values, 'db');
    // `--case NAME` as issue 15 spells it: join opens no local case, so --case names the team case here.
    const name = str(ctx.values, 'case-name') ?? str(ctx.values, 'case');
    const to = str(ctx.values, 'to');
    if (!name || !to) throw new UsageError(`needs --case NAME (or --case-name NAME) and --to FILE. Usage: claimtrail ${this.usage}`);
    const r = await withTeam(ctx, `team join of "${name}" failed`, (client) => joinCase(client, name, to, serverUrl(url)));
    ctx.print({ ...r, db: safeUrl(url) }, () => `Joined team case "${name}": ${r.events} events applied to ${r.file}.`);
  },
};

/** Runs fn on the team case named by --case-name (its id found as this role sees it). */
async function onTeamCase<T>(ctx: CommandContext, what: string, fn: (client: pg.Client, caseId: string, name: string) => Promise<T>): Promise<T> {
  const name = str(ctx.values, 'case-name');
  if (!name) throw new UsageError('needs --case-name NAME (the team case)');
  return withTeam(ctx, what, async (client, url) => {
    const c = await client.query<{ id: string }>('SELECT id FROM claimtrail.team_cases WHERE name = $1', [name]);
    const id = c.rows[0]?.id;
    if (!id) throw new CaseError('not_found', `team case "${name}" was not found on ${safeUrl(url)} (or this role is not a member of it)`);
    return fn(client, id, name);
  });
}

const memberOptions = { db: { type: 'string' }, 'case-name': { type: 'string' } } as const;

const teamMembers: Command = {
  name: 'team members',
  usage: 'team members --case-name NAME [--db URL]',
  summary: "A team case's members and their roles (reader, analyst, owner).",
  options: memberOptions,
  async run(ctx) {
    const rows = await onTeamCase(ctx, 'team members', async (client, id) =>
      (await client.query<{ role_name: string; role: string }>('SELECT role_name, role FROM claimtrail.team_members WHERE case_id = $1 ORDER BY role_name', [id])).rows,
    );
    ctx.print(rows, () => rows.map((r) => `${r.role_name}  ${r.role}`).join('\n'));
  },
};

const teamMembersAdd: Command = {
  name: 'team members add',
  usage: 'team members add ROLE --role reader|analyst|owner --case-name NAME [--db URL]',
  summary: 'Add a PostgreSQL role to a team case, or change its role (owners only).',
  options: { ...memberOptions, role: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const role = str(ctx.values, 'role');
    if (!role || !['reader', 'analyst', 'owner'].includes(role)) throw new UsageError('--role must be reader, analyst or owner');
    const who = ctx.args[0]!;
    await onTeamCase(ctx, `team members add ${who}`, (client, id) =>
      inTransaction(client, async () => {
        await client.query('DELETE FROM claimtrail.team_members WHERE case_id = $1 AND role_name = $2', [id, who]);
        await client.query('INSERT INTO claimtrail.team_members (case_id, role_name, role) VALUES ($1, $2, $3)', [id, who, role]);
      }),
    );
    ctx.print({ role_name: who, role }, () => `${who} is now ${role === 'owner' ? 'an' : 'a'} ${role} of "${str(ctx.values, 'case-name')}".`);
  },
};

const teamMembersRemove: Command = {
  name: 'team members remove',
  usage: 'team members remove ROLE --case-name NAME [--db URL]',
  summary: 'Remove a PostgreSQL role from a team case (owners only).',
  options: memberOptions,
  minArgs: 1,
  async run(ctx) {
    const who = ctx.args[0]!;
    const n = await onTeamCase(ctx, `team members remove ${who}`, async (client, id) =>
      (await client.query('DELETE FROM claimtrail.team_members WHERE case_id = $1 AND role_name = $2', [id, who])).rowCount ?? 0,
    );
    if (!n) throw new CaseError('not_found', `${who} is not a member of "${str(ctx.values, 'case-name')}" (or this role is not its owner)`);
    ctx.print({ removed: who }, () => `${who} removed from "${str(ctx.values, 'case-name')}".`);
  },
};

const syncLine = (r: SyncResult) =>
  `Synced: pulled ${r.pulled} (${r.applied} applied${r.acknowledged ? `, ${r.acknowledged} own acknowledged` : ''}), pushed ${r.pushed}; team log at ${r.head}, ${r.pending} pending.`;

const syncCommand: Command = {
  name: 'sync',
  usage: 'sync [--case FILE] [--db URL] [--watch]',
  summary: "Pull teammates' changes into this team copy and push its own (the server it was published to or joined from, unless --db).",
  options: { db: { type: 'string' }, watch: { type: 'boolean' } },
  async run(ctx) {
    await ctx.withCase(async (_api, handle) => {
      const link = requireLink(handle.db);
      const url = str(ctx.values, 'db') ?? (link.server || undefined);
      await withTeam(
        ctx,
        `sync of ${handle.path} with team case "${link.name}" failed`,
        async (client) => {
          const once = async () => {
            const r = await sync(handle.db, client);
            ctx.print(r, () => syncLine(r));
          };
          await once();
          if (ctx.values.watch !== true) return;
          await watch(client, link.case_id, once);
        },
        url,
      );
    });
  },
};

/** Syncs again when the server announces a new event of this case, and every 30 s; ends on SIGINT/SIGTERM. */
async function watch(client: pg.Client, caseId: string, once: () => Promise<void>): Promise<void> {
  let running = Promise.resolve();
  const again = () => (running = running.then(once));
  client.on('notification', (m) => {
    if (m.channel === 'claimtrail_events' && m.payload?.split(' ')[0] === caseId) void again();
  });
  await client.query('LISTEN claimtrail_events');
  const timer = setInterval(() => void again(), 30_000);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  clearInterval(timer);
  await running;
}

const conflictLine = (c: TeamConflict) =>
  `${c.id}  ${c.entity} ${c.record} ${c.label}: ${c.theirs.author} set ${JSON.stringify(c.theirs.value)} (${c.theirs.at}), ` +
  `${c.ours.author} set ${JSON.stringify(c.ours.value)} (${c.ours.at}), which stands` +
  (c.resolved ? `; resolved by ${c.resolved.by} at ${c.resolved.at}` : '');

const conflictsCommand: Command = {
  name: 'conflicts',
  usage: 'conflicts [--case FILE] [--all] [--json]',
  summary: 'Same-field changes two analysts made without seeing each other’s (open ones; --all: resolved too).',
  options: { all: { type: 'boolean' } },
  async run(ctx) {
    const list = await ctx.withCase((_api, handle) => {
      requireLink(handle.db);
      return teamConflicts(handle.db).filter((c) => ctx.values.all === true || !c.resolved);
    });
    ctx.print(list, () => (list.length ? list.map(conflictLine).join('\n') : 'No open conflicts.'));
  },
};

const conflictResolve: Command = {
  name: 'conflict resolve',
  usage: 'conflict resolve ID [--rationale TEXT] [--case FILE]',
  summary: 'Close a conflict with an event that names both changes (the standing value stays; edit the record first to keep the other).',
  options: { rationale: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const c = await ctx.withCase((_api, handle) => {
      requireLink(handle.db);
      return resolveConflict(handle.db, ctx.args[0]!, str(ctx.values, 'rationale') ?? null);
    });
    ctx.print(c, () => `Resolved ${c.id}: ${c.entity} ${c.record} ${c.label} stays ${JSON.stringify(c.ours.value)}. Sync to share it.`);
  },
};

export const teamCommands: Command[] = [teamSetup, teamPublish, teamJoin, teamMembers, teamMembersAdd, teamMembersRemove, syncCommand, conflictsCommand, conflictResolve];
