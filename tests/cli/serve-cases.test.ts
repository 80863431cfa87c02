/**
 * Web mode as a way to work (issue 20.5), over real HTTP against a real server and real case files:
 * the session methods of the case switcher, renaming, the stale-tab guard, PDF briefings printed by
 * the server's Chromium, secrets and port kept across a restart, the analyst's name shared by all
 * cases through the user data folder.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionCases } from '../../core/contract/session';
import { CASE_HEADER } from '../../core/transport';
import { startServer, type RunningServer } from '../../cli/serve/server';
import { secretsFile } from '../../cli/serve/secrets';
import { readState, readUserSettings, rememberCase } from '../../db/user-data';
import { tempCase, tempDir } from '../helpers';
import { cli, cliHome } from './run';
import { send, tradeLaunchCode, type Reply } from './serve/http';

interface Answer<T = unknown> {
  ok: boolean;
  value: T;
  error?: { code: string; message: string };
}

const post = (srv: RunningServer, method: string, body: unknown, headers: Record<string, string> = {}, token = srv.token): Promise<Reply> =>
  send(srv.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { host: `127.0.0.1:${srv.port}`, 'content-type': 'application/json', 'x-claimtrail-token': token, ...headers },
    body: JSON.stringify(body),
  });
const call = async <T,>(srv: RunningServer, method: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<Answer<T>> =>
  JSON.parse((await post(srv, method, body, headers)).body) as Answer<T>;

function sampleCase(name: string): string {
  const c = tempCase({ sample: true, name });
  c.close();
  return c.path;
}

let home: string;
let srv: RunningServer;
let first: string;
const running: RunningServer[] = [];

beforeAll(async () => {
  home = tempDir();
  first = sampleCase('first.claimtrail');
  srv = await startServer({ casePath: first, staticDir: tempDir(), userDir: home, signingDir: home });
  running.push(srv);
  rememberCase(first, home);
});
afterAll(async () => {
  for (const s of running) await s.close();
});

describe('case switcher over HTTP', () => {
  it('lists the recent cases, opens one by path, makes a new one with a display name, and keeps the list', async () => {
    const other = sampleCase('other.claimtrail');
    rememberCase(other, home);
    rememberCase(first, home);
    const listed = await call<SessionCases>(srv, 'session.cases');
    expect(listed.ok).toBe(true);
    expect(listed.value.current).toBe(first);
    expect(listed.value.recent.map((r) => [r.name, r.exists])).toEqual([
      ['first', true],
      ['other', true],
    ]);
    const claimsIn = async () => (await call<{ counts: { claims: number }; path: string }>(srv, 'case.info')).value;

    const opened = await call<SessionCases>(srv, 'session.open', { path: other });
    expect(opened.ok).toBe(true);
    expect(opened.value.current).toBe(other);
    expect((await claimsIn()).path).toBe(other);
    expect(readState(home).recent[0]).toBe(other);

    const folder = tempDir();
    const made = await call<SessionCases>(srv, 'session.create', { path: join(folder, 'new case'), title: 'Port strike, March' });
    expect(made.ok).toBe(true);
    const newPath = join(folder, 'new case.claimtrail');
    expect(made.value.current).toBe(newPath);
    expect(existsSync(newPath)).toBe(true);
    const info = await call<{ title: string; counts: { claims: number } }>(srv, 'case.info');
    expect([info.value.title, info.value.counts.claims]).toEqual(['Port strike, March', 0]);
    expect(readState(home).recent.slice(0, 3)).toEqual([newPath, other, first]);
  });

  it('refuses, naming the field, what it cannot do, and leaves the open case as it was', async () => {
    const before = (await call<SessionCases>(srv, 'session.cases')).value.current;
    const folder = tempDir();
    const notCase = join(folder, 'notes.claimtrail');
    writeFileSync(notCase, 'just some notes, not a database, long enough to have a header of sorts....................');
    const tries: [string, unknown, string, RegExp][] = [
      ['session.open', { path: 'relative.claimtrail' }, 'invalid', /path: must be an absolute path/],
      ['session.open', { path: join(folder, 'missing.claimtrail') }, 'not_found', /path: no file at/],
      ['session.open', { path: folder }, 'invalid', /path: .* is a folder/],
      ['session.open', { path: notCase }, 'invalid', /could not be opened: .*The case open before is still open/],
      ['session.create', { path: before }, 'conflict', /already exists: choose another name/],
      ['session.create', { path: join(folder, 'no', 'such', 'x') }, 'not_found', /the folder .* does not exist/],
      ['session.create', {}, 'invalid', /path/],
    ];
    for (const [method, input, code, message] of tries) {
      const r = await call(srv, method, input);
      expect([r.ok, r.error?.code], `${method} ${JSON.stringify(input)}`).toEqual([false, code]);
      expect(r.error!.message).toMatch(message);
    }
    expect((await call<SessionCases>(srv, 'session.cases')).value.current).toBe(before);
    expect((await call<{ path: string }>(srv, 'case.info')).value.path).toBe(before);
  });

  it('renames a case (display name only), as an event in its history', async () => {
    const r = await call<{ title: string }>(srv, 'case.rename', { title: '  Renamed brief ' });
    expect(r.value.title).toBe('Renamed brief');
    const events = await call<{ kind: string; payload: { after: { title: string } } }[]>(srv, 'history.recent', { limit: 5 });
    expect(events.value[0]).toMatchObject({ kind: 'case.renamed', payload: { after: { title: 'Renamed brief' } } });
    expect((await call(srv, 'case.rename', { title: '' })).error?.message).toMatch(/title: must not be empty/);
    expect((await call<{ ok: boolean; brokenAt: unknown }>(srv, 'history.verify')).value).toMatchObject({ ok: true });
  });

  it('a tab that saw the previous case gets 409 instead of writing into the new one', async () => {
    const seen = (await post(srv, 'case.info', {})).headers[CASE_HEADER] as string;
    expect(seen).toMatch(/^\d+$/);
    expect((await post(srv, 'tags.list', {}, { [CASE_HEADER]: seen })).status).toBe(200);
    // Another tab switches the server to another case.
    await call(srv, 'session.open', { path: first });
    const claims = async () => (await call<{ counts: { claims: number } }>(srv, 'case.info')).value.counts.claims;
    const before = await claims();
    const stale = await post(srv, 'claims.create', { text: 'Written into the wrong case?' }, { [CASE_HEADER]: seen });
    expect(stale.status).toBe(409);
    expect((JSON.parse(stale.body) as Answer).error?.message).toMatch(/another tab switched this server to .*first\.claimtrail.*Reload the page/);
    const now = (await post(srv, 'case.info', {})).headers[CASE_HEADER] as string;
    expect(Number(now)).toBeGreaterThan(Number(seen));
    expect(await claims()).toBe(before);
    // The same call from a tab that knows the case now open goes through.
    expect((await post(srv, 'claims.create', { text: 'Written where meant.' }, { [CASE_HEADER]: now })).status).toBe(200);
    expect(await claims()).toBe(before + 1);
  });
});

describe('PDF briefings in web mode', () => {
  it('prints a saved briefing with the server Chromium: a PDF download whose text holds the briefing, caveat and page numbers', { timeout: 120_000 }, async () => {
    await call(srv, 'settings.update', { caveat: 'Internal use only' });
    const saved = await call<{ id: string }>(srv, 'briefings.save', { selection: { tag: 'chips' }, title: 'Chips export controls' });
    expect(saved.ok).toBe(true);
    const r = await send(srv.port, {
      method: 'POST',
      path: '/api/briefing.pdf',
      headers: { host: `127.0.0.1:${srv.port}`, 'content-type': 'application/json', 'x-claimtrail-token': srv.token },
      body: JSON.stringify({ id: saved.value.id }),
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toMatch(/^attachment; filename="[\w.-]+\.pdf"$/);
    const raw = await new Promise<Buffer>((resolve, reject) => {
      // send() decodes as UTF-8; fetch the bytes again for pdftotext.
      void fetch(`http://127.0.0.1:${srv.port}/api/briefing.pdf`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-claimtrail-token': srv.token },
        body: JSON.stringify({ id: saved.value.id }),
      })
        .then(async (res) => resolve(Buffer.from(await res.arrayBuffer())))
        .catch(reject);
    });
    expect(raw.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(tempDir(), 'b.pdf');
    writeFileSync(file, raw);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Chips export controls');
    expect(text).toMatch(/INTERNAL USE ONLY/i);
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('says what is wrong instead of printing: no id, an unknown id, the cookie alone', async () => {
    expect((await call(srv, 'briefing.pdf', {})).error?.message).toMatch(/^id: give the id of a saved briefing/);
    expect((await call(srv, 'briefing.pdf', { id: 'nope' })).error?.code).toBe('not_found');
    const page = await send(srv.port, { path: new URL(srv.url).pathname + new URL(srv.url).search, headers: { host: `127.0.0.1:${srv.port}` } });
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const r = await send(srv.port, { method: 'POST', path: '/api/briefing.pdf', headers: { host: `127.0.0.1:${srv.port}`, 'content-type': 'application/json', cookie }, body: '{}' });
    expect(r.status).toBe(403);
  });
});

describe('a restart keeps open tabs', () => {
  it('the same port keeps the token and page key (0600 in the user data folder); no port given comes back on the last one; --new-token renews', async () => {
    const dir = tempDir();
    const casePath = sampleCase('restart.claimtrail');
    const a = await startServer({ casePath, staticDir: tempDir(), userDir: dir });
    const tabToken = await tradeLaunchCode(a.url);
    const page = await send(a.port, { path: new URL(a.url).pathname + new URL(a.url).search, headers: { host: `127.0.0.1:${a.port}` } });
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const port = a.port;
    await a.close();
    expect(statSync(secretsFile(dir, port)).mode & 0o777).toBe(0o600);

    const b = await startServer({ casePath, staticDir: tempDir(), userDir: dir });
    running.push(b);
    expect(b.port).toBe(port);
    // The open tab's token (session storage) and page cookie still work.
    const r = await post(b, 'case.info', {}, {}, tabToken);
    expect(r.status).toBe(200);
    const progress = await new Promise<number>((resolve) => {
      void fetch(`http://127.0.0.1:${port}/api/progress`, { headers: { cookie } }).then((res) => {
        resolve(res.status);
        void res.body?.cancel();
      });
    });
    expect(progress).toBe(200);
    // Launch codes are not kept: the old address is spent.
    expect(JSON.stringify(readFileSync(secretsFile(dir, port), 'utf8'))).not.toContain('launch');
    await b.close();
    running.pop();

    const c = await startServer({ casePath, staticDir: tempDir(), userDir: dir, port, renewSecrets: true });
    expect((await post(c, 'case.info', {}, {}, tabToken)).status).toBe(403);
    expect((await post(c, 'case.info', {})).status).toBe(200);
    await c.close();
    // A kept file that other users can read is not trusted: new secrets replace it.
    chmodSync(secretsFile(dir, port), 0o644);
    const d = await startServer({ casePath, staticDir: tempDir(), userDir: dir, port });
    running.push(d);
    expect(d.token).not.toBe(c.token);
    expect(statSync(secretsFile(dir, port)).mode & 0o777).toBe(0o600);
  });

  it('without a user data folder every run has fresh secrets, and a taken remembered port falls back to a free one', async () => {
    const dir = tempDir();
    const casePath = sampleCase('fallback.claimtrail');
    const a = await startServer({ casePath, staticDir: tempDir(), userDir: dir });
    running.push(a);
    // a still runs on the remembered port: the next server without --port takes another.
    const other = sampleCase('fallback2.claimtrail');
    const b = await startServer({ casePath: other, staticDir: tempDir(), userDir: dir });
    running.push(b);
    expect(b.port).not.toBe(a.port);
    expect([a.portTaken, b.portTaken]).toEqual([null, a.port]);
    const x = await startServer({ casePath: other, staticDir: tempDir() });
    running.push(x);
    expect(x.token).not.toBe(a.token);
    expect(x.token).not.toBe(b.token);
  });
});

describe("the analyst's name", () => {
  it('is kept in the user settings and used in every case the shells open, as the actor of each change', async () => {
    const dir = tempDir();
    const one = await startServer({ casePath: sampleCase('one.claimtrail'), staticDir: tempDir(), userDir: dir });
    running.push(one);
    const set = await call<{ analystName: string }>(one, 'settings.update', { analystName: 'R. Analyst' });
    expect(set.value.analystName).toBe('R. Analyst');
    expect(readUserSettings(dir)).toEqual({ analystName: 'R. Analyst' });
    // A new case made through the switcher already has it, and records its changes under it.
    const made = await call<SessionCases>(one, 'session.create', { path: join(tempDir(), 'fresh') });
    expect(made.ok).toBe(true);
    const info = await call<{ settings: { analystName: string } }>(one, 'case.info');
    expect(info.value.settings.analystName).toBe('R. Analyst');
    await call(one, 'claims.create', { text: 'Strikers blocked the port on 3 March.' });
    const events = await call<{ kind: string; actor: string }[]>(one, 'history.recent', { limit: 1 });
    expect(events.value[0]).toMatchObject({ kind: 'claim.created', actor: 'R. Analyst' });
  });
});

describe("the analyst's name in the CLI", () => {
  it('set in one case with `settings --analyst`, it is the name in another case, and the actor of its changes', async () => {
    cliHome();
    const one = join(tempDir(), 'one.claimtrail');
    const two = join(tempDir(), 'two.claimtrail');
    expect((await cli('init', one)).code).toBe(0);
    expect((await cli('init', two)).code).toBe(0);
    expect((await cli('--case', one, 'settings', '--analyst', 'K. Field', '--json')).json<{ analystName: string }>().analystName).toBe('K. Field');
    expect((await cli('--case', two, 'settings', '--json')).json<{ analystName: string }>().analystName).toBe('K. Field');
    expect((await cli('--case', two, 'claim', 'add', '--text', 'The ferry sailed on 2 May.', '--json')).code).toBe(0);
    const srv = await startServer({ casePath: two, staticDir: tempDir(), userDir: process.env.CLAIMTRAIL_HOME });
    running.push(srv);
    const events = await call<{ kind: string; actor: string }[]>(srv, 'history.recent', { limit: 1 });
    expect(events.value[0]).toMatchObject({ kind: 'claim.created', actor: 'K. Field' });
  });
});
