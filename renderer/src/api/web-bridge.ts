/**
 * The Bridge over HTTP (web mode, `claimtrail serve`): POST /api/<method> with the per-run token as
 * a header, progress through server-sent events, cancel through POST /api/cancel, the session
 * methods (case switcher) as POST /api/session.*, and PDF briefings printed by the server's Chromium
 * (POST /api/briefing.pdf, saved as a download).
 */
import type { ApiResult } from '../../../core/api';
import { CASE_HEADER, LAUNCH_HEADER, TOKEN_HEADER, type Bridge, type Progress } from '../../../core/transport';
import { saveDownload } from '../components/download';
import { takeLaunchCode } from '../lib/token';

const STORAGE_KEY = 'claimtrail.token';

/**
 * The API token of this tab. The address `serve` printed carries a one-time launch code: it is
 * dropped from the tab's history entry at once and traded for the token (POST /api/session), which
 * stays in this tab's session storage only. The browser's global history keeps the address, but
 * its code is spent by then, so it unlocks nothing. A reload finds the token in session storage.
 */
export async function resolveToken(): Promise<string> {
  const { code, cleanUrl } = takeLaunchCode(window.location.href);
  if (code === null) return sessionStorage.getItem(STORAGE_KEY) ?? '';
  history.replaceState(history.state, '', cleanUrl);
  try {
    const res = await fetch('/api/session', { method: 'POST', headers: { [LAUNCH_HEADER]: code } });
    const body = res.ok ? ((await res.json()) as { value?: { token?: unknown } }) : null;
    const token = body?.value?.token;
    if (typeof token === 'string') {
      sessionStorage.setItem(STORAGE_KEY, token);
      return token;
    }
  } catch {
    /* the server is unreachable: calls will say so */
  }
  return sessionStorage.getItem(STORAGE_KEY) ?? '';
}

export function createWebBridge(token: Promise<string>): Bridge {
  const listeners = new Set<(p: Progress) => void>();
  let events: EventSource | null = null;

  /** The opening of the case this page loaded (the server's CaseSwitch generation), once an answer told it. */
  let caseGeneration: string | null = null;
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`/api/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: await token, ...(caseGeneration ? { [CASE_HEADER]: caseGeneration } : {}) },
      body: JSON.stringify(body ?? {}),
    });
    caseGeneration ??= res.headers.get(CASE_HEADER);
    return res;
  };

  /** An answer as an ApiResult, whatever went wrong on the way. */
  const call = async (path: string, input: unknown, answer: (res: Response) => Promise<ApiResult<unknown> | null> = async () => null): Promise<ApiResult<unknown>> => {
    try {
      const res = await post(path, input);
      if (res.status === 403)
        return { ok: false, error: { code: 'forbidden', message: 'Access refused: open the address printed by `claimtrail serve` (it carries the access token).' } };
      const special = await answer(res);
      if (special) return special;
      const body = (await res.json()) as ApiResult<unknown>;
      if (typeof body === 'object' && body !== null && 'ok' in body) return body;
      return { ok: false, error: { code: 'internal', message: `Unexpected answer from the server (HTTP ${res.status})` } };
    } catch (e) {
      return { ok: false, error: { code: 'internal', message: `Cannot reach the ClaimTrail server: ${String(e)}` } };
    }
  };

  return {
    invoke: (method, input) => call(encodeURIComponent(method), input),
    session: (method, input) => call(encodeURIComponent(method), input),
    briefingPdf: (id) =>
      call('briefing.pdf', { id }, async (res) => {
        if (!(res.headers.get('content-type') ?? '').startsWith('application/pdf')) return null;
        const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'briefing.pdf';
        saveDownload(name, 'application/pdf', await res.blob());
        return { ok: true, value: { file: name } };
      }) as Promise<ApiResult<{ file: string | null }>>,
    onProgress(listener) {
      listeners.add(listener);
      if (!events) {
        events = new EventSource('/api/progress');
        events.onmessage = (m: MessageEvent<string>) => {
          try {
            const p = JSON.parse(m.data) as Progress;
            for (const l of listeners) l(p);
          } catch {
            /* ignore malformed progress */
          }
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && events) {
          events.close();
          events = null;
        }
      };
    },
    async cancel() {
      await post('cancel', {});
    },
  };
}
