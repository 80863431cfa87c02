/**
 * The session methods (core/contract/session.ts) in web mode: the case switcher's recent cases,
 * opening a case by path and making a new one. The server answers them itself, around its
 * CaseSwitch; a failed open leaves the open case as it was.
 */
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { invalidInput, type ApiResult } from '../../core/api';
import { formatIssue, issue } from '../../core/issues';
import { sessionMethods, withCaseExtension, type SessionCases, type SessionMethod } from '../../core/contract/session';
import type { CaseSwitch } from '../../db/host/case-switch';
import { recentCases } from '../../db/user-data';

export interface SessionContext {
  cases: CaseSwitch;
  /** The user data folder whose recent-case list the switcher shows and extends; none: only the open case. */
  userDir?: string;
  /** Opens (or makes) a case in the switch and records it as recent. */
  open(path: string, create: boolean): Promise<void>;
}

type Result = ApiResult<SessionCases>;
const fail = (code: 'invalid' | 'not_found' | 'conflict', message: string): Result => ({ ok: false, error: { code, message } });
/** A refusal of the `path` field: one structured issue, and the message "path: …". */
const failPath = (code: 'invalid' | 'not_found' | 'conflict', message: string): Result => {
  const one = issue('path', message);
  return { ok: false, error: { code, message: formatIssue(one), issues: [one] } };
};

const expand = (p: string) => resolve(p.startsWith('~/') ? `${homedir()}${p.slice(1)}` : p);

export function sessionCases(ctx: SessionContext): SessionCases {
  const current = ctx.cases.current?.casePath ?? '';
  const listed = ctx.userDir ? recentCases(ctx.userDir) : [];
  const recent = listed.some((r) => r.path === current) || !current
    ? listed
    : [{ path: current, name: current.split(/[\\/]/).pop()!.replace(/\.claimtrail$/i, ''), folder: dirname(current), exists: true }, ...listed];
  return { current, generation: ctx.cases.generation, recent, defaultFolder: current ? dirname(current) : homedir() };
}

async function attempt(ctx: SessionContext, path: string, create: boolean): Promise<Result> {
  try {
    await ctx.open(path, create);
  } catch (e) {
    return fail('invalid', `${path} could not be opened: ${e instanceof Error ? e.message : String(e)} The case open before is still open.`);
  }
  return { ok: true, value: sessionCases(ctx) };
}

export async function handleSessionCall(method: SessionMethod, input: unknown, ctx: SessionContext): Promise<Result> {
  const parsed = sessionMethods[method].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error, method) };
  if (method === 'session.cases') return { ok: true, value: sessionCases(ctx) };
  const given = (parsed.data as { path: string }).path;
  if (method === 'session.open') {
    const path = expand(given);
    if (!existsSync(path)) return failPath('not_found', `no file at ${path}.`);
    if (!statSync(path).isFile()) return failPath('invalid', `${path} is a folder, not a case file.`);
    if (path === ctx.cases.current?.casePath) return { ok: true, value: sessionCases(ctx) };
    return attempt(ctx, path, false);
  }
  const path = withCaseExtension(expand(given));
  if (existsSync(path)) return failPath('conflict', `${path} already exists: choose another name (a case is never overwritten).`);
  if (!existsSync(dirname(path))) return failPath('not_found', `the folder ${dirname(path)} does not exist.`);
  const made = await attempt(ctx, path, true);
  const title = (parsed.data as { title?: string }).title;
  if (made.ok && title) {
    const r = await ctx.cases.current!.call('case.rename', { title });
    if (!r.ok) return r;
  }
  return made;
}
