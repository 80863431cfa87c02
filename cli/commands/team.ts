/** team setup, publish, join: the team store on PostgreSQL (issue 15; docs/team.md). */
import { basename } from 'node:path';
import { CaseError, CaseFileError } from '../../db/errors';
import { connectTeam, safeUrl, teamError } from '../../db/team/connect';
import { joinCase, publishCase } from '../../db/team/publish';
import { setupTeam, TEAM_GROUP } from '../../db/team/schema';
import { str, UsageError, type Command } from '../command';

const teamSetup: Command = {
  name: 'team setup',
  usage: 'team setup [--db URL]',
  summary: 'Create or upgrade the team schema on PostgreSQL (run by a database owner; idempotent). Without --db, the PG* variables.',
  options: { db: { type: 'string' } },
  async run(ctx) {
    const url = str(ctx.values, 'db');
    const client = await connectTeam(url);
    try {
      let r;
      try {
        r = await setupTeam(client);
      } catch (e) {
        throw teamError(e, url, 'team setup failed');
      }
      const value = { ...r, db: safeUrl(url), group: TEAM_GROUP };
      ctx.print(value, () =>
        r.applied.length
          ? `Team schema at version ${r.to} on ${value.db} (applied ${r.applied.join(', ')}). Grant ${TEAM_GROUP} to each analyst's role.`
          : `Team schema already at version ${r.to} on ${value.db}: nothing to do.`,
      );
    } finally {
      await client.end();
    }
  },
};

export const teamCommands: Command[] = [teamSetup];

const teamPublish: Command = {
  name: 'team publish',
  usage: 'team publish [--db URL] [--name NAME] [--case FILE]',
  summary: "Upload a local case's whole history as a new team case (you become its owner).",
  options: { db: { type: 'string' }, name: { type: 'string' } },
  async run(ctx) {
    const url = str(ctx.values, 'db');
    const client = await connectTeam(url);
    try {
      const r = await ctx.withCase(async (_api, handle) => {
        const name = str(ctx.values, 'name') ?? basename(handle.path).replace(/\.claimtrail$/, '');
        try {
          return await publishCase(handle.db, client, name);
        } catch (e) {
          throw teamError(e, url, `team publish of ${handle.path} failed`);
        }
      });
      ctx.print({ ...r, db: safeUrl(url) }, () => `Published ${r.events} events as team case "${r.name}" (${r.caseId}) on ${safeUrl(url)}.`);
    } finally {
      await client.end();
    }
  },
};

const teamJoin: Command = {
  name: 'team join',
  usage: 'team join [--db URL] --case-name NAME --to FILE',
  summary: "Build a new local case file from a team case's events (its team chain verified first).",
  options: { db: { type: 'string' }, 'case-name': { type: 'string' }, to: { type: 'string' } },
  async run(ctx) {
    const url = str(ctx.values, 'db');
    const name = str(ctx.values, 'case-name');
    const to = str(ctx.values, 'to');
    if (!name || !to) throw new UsageError(`needs --case-name NAME and --to FILE. Usage: claimtrail ${this.usage}`);
    const client = await connectTeam(url);
    try {
      let r;
      try {
        r = await joinCase(client, name, to);
      } catch (e) {
        if (e instanceof CaseError || e instanceof CaseFileError) throw e;
        throw teamError(e, url, `team join of "${name}" failed`);
      }
      ctx.print({ ...r, db: safeUrl(url) }, () => `Joined team case "${name}": ${r.events} events, ${r.changes} row changes replayed into ${r.file}.`);
    } finally {
      await client.end();
    }
  },
};

teamCommands.push(teamPublish, teamJoin);
