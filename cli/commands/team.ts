/** team setup, publish, join: the team store on PostgreSQL (issue 15; docs/team.md). */
import { basename } from 'node:path';
import { CaseError, CaseFileError } from '../../db/errors';
import { connectTeam, inTransaction, safeUrl, teamError } from '../../db/team/connect';
import { joinCase, publishCase } from '../../db/team/publish';
import { setupTeam, TEAM_GROUP } from '../../db/team/schema';
import type pg from 'pg';
import { str, UsageError, type Command, type CommandContext } from '../command';

/**
 * Connects to the team database (--db, else the PG* variables), runs fn, and closes the connection.
 * Errors of ClaimTrail's own pass as they are; the server's are reworded without credentials.
 */
async function withTeam<T>(ctx: CommandContext, what: string, fn: (client: pg.Client, url: string | undefined) => Promise<T>): Promise<T> {
  const url = str(ctx.values, 'db');
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
        publishCase(handle.db, client, str(ctx.values, 'name') ?? basename(handle.path).replace(/\.claimtrail$/, '')),
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
    const r = await withTeam(ctx, `team join of "${name}" failed`, (client) => joinCase(client, name, to));
    ctx.print({ ...r, db: safeUrl(url) }, () => `Joined team case "${name}": ${r.events} events, ${r.changes} row changes replayed into ${r.file}.`);
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

export const teamCommands: Command[] = [teamSetup, teamPublish, teamJoin, teamMembers, teamMembersAdd, teamMembersRemove];
