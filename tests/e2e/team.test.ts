/**
 * A team copy in real Chromium against `claimtrail serve`: a copy of team case "Harbour" (made with the
 * real outbox and pull code through a team log held in memory, tests/team/memory-log.ts) with one open
 * conflict and one change not yet pushed. The sidebar shows its team status and the Conflicts entry
 * with its count; the Conflicts view shows both sides; resolving with a rationale moves the conflict
 * under Resolved, and the status and count follow. axe-core clean.
 */
import { describe, expect, it } from 'vitest';
import { ALICE_TEXT, BOB_TEXT, harbourConflict, type MemoryTeamLog } from '../team/memory-log';
import { apiCall, expectAxeClean as expectHarnessAxeClean, useApp } from './harness';
import { navButton } from './nav';

let log: MemoryTeamLog | undefined;
const app = useApp({
  prepare: (tc) => {
    const made = harbourConflict(tc);
    made.alice.close();
    log = made.log;
    // A change of this copy's own, not pushed yet.
    tc.api.invoke('claims.create', { text: 'Silt volumes doubled since 2024' });
  },
});

const page = () => app.page;
const status = () => page().getByTestId('team-status');

const expectAxeClean = (name: string) => expectHarnessAxeClean(page(), name);

describe('team copy in the app', () => {
  it('shows the team status and Conflicts (1), resolves the conflict with a rationale, and lists it under Resolved', async () => {
    const last = log!.atOf(log!.rows.length).slice(0, 16).replace('T', ' ');
    await expect.poll(() => status().innerText()).toBe(`Team: Harbour · 1 pending · last sync ${last} UTC`);
    await expect.poll(() => status().getAttribute('title')).toContain('sync with `claimtrail sync`');
    await expect.poll(() => navButton(page(), 'Conflicts').innerText()).toBe('Conflicts (1)');

    await navButton(page(), 'Conflicts').click();
    await expect.poll(() => page().getByRole('heading', { level: 1 }).innerText()).toBe('Conflicts');
    const open = page().getByRole('region', { name: /^Open conflicts/ });
    const card = open.getByRole('article');
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => card.getByRole('heading').innerText()).toBe(`Claim: ${BOB_TEXT}`);
    await expect.poll(() => card.getByRole('row', { name: /^Earlier/ }).innerText()).toMatch(new RegExp(`^Earlier\\s+alice\\s+${ALICE_TEXT.replace(/[()]/g, '\\$&')}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\s+Overwritten$`));
    await expect.poll(() => card.getByRole('row', { name: /^Later/ }).innerText()).toMatch(/^Later\s+bob\s+The harbour dredging cost USD 38mn \(port accounts\)\s+.+ UTC\s+Stands$/);
    await expectAxeClean('team-conflicts-open');

    await card.getByLabel('Rationale (optional)').fill('Port accounts are audited');
    await card.getByRole('button', { name: /^Resolve: claim “The harbour dredging/ }).click();
    await expect.poll(() => open.innerText()).toContain('No open conflicts.');
    await expect.poll(() => navButton(page(), 'Conflicts').innerText()).toBe('Conflicts');
    // The resolve event is a local change: pending until `claimtrail sync` pushes it.
    await expect.poll(() => status().innerText()).toBe(`Team: Harbour · 2 pending · last sync ${last} UTC`);

    const toggle = page().getByRole('button', { name: 'Resolved (1)' });
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const resolved = page().getByRole('region', { name: 'Resolved conflicts' }).getByRole('article');
    await expect.poll(() => resolved.count()).toBe(1);
    await expect.poll(() => resolved.innerText()).toMatch(/Resolved by e2e \d{4}-\d\d-\d\d \d\d:\d\d UTC: Port accounts are audited/);
    await expectAxeClean('team-conflicts-resolved');
    // Stored as the served analyst's event.
    const [k] = await apiCall(app.session.served, 'team.conflicts', { all: true });
    expect(k!.resolved).toMatchObject({ by: 'e2e', rationale: 'Port accounts are audited' });

    await resolved.getByRole('button', { name: /^Open claim: The harbour dredging/ }).click();
    await expect.poll(() => page().locator('#claim-title').innerText()).toBe(BOB_TEXT);
    expect(app.watch.errors).toEqual([]);
    expect(app.watch.dialogs).toEqual([]);
  });
});
