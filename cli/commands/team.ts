/** team setup: the team store's schema on PostgreSQL (issue 15; docs/team.md). */
import { connectTeam, safeUrl, teamError } from '../../db/team/connect';
import { setupTeam, TEAM_GROUP } from '../../db/team/schema';
import { str, type Command } from '../command';

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
