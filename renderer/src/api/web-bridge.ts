/**
 * The Bridge over HTTP (web mode, `claimtrail serve`): POST /api/<method> with the per-run token,
 * progress through server-sent events, cancel through POST /api/cancel.
 */
import type { ApiResult } from '../../../core/api';
import { TOKEN_HEADER, type Bridge, type Progress } from '../../../core/transport';
import { takeToken } from '../lib/token';

const STORAGE_KEY = 'claimtrail.token';

/** Reads the token from ?token= (then drops it from the address bar) or from this tab's session. */
export function resolveToken(): string {
  const { token, cleanUrl } = takeToken(window.location.href);
  if (token) {
    sessionStorage.setItem(STORAGE_KEY, token);
    if (cleanUrl !== window.location.href) history.replaceState(history.state, '', cleanUrl);
    return token;
  }
  return sessionStorage.getItem(STORAGE_KEY) ?? '';
}

export function createWebBridge(token: string): Bridge {
  const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: token };
  const listeners = new Set<(p: Progress) => void>();
  let events: EventSource | null = null;

  const post = (path: string, body: unknown) =>
    fetch(`/api/${path}`, { method: 'POST', headers, body: JSON.stringify(body ?? {}) });

  return {
    async invoke(method, input): Promise<ApiResult<unknown>> {
      try {
        const res = await post(encodeURIComponent(method), input);
        if (res.status === 403)
          return { ok: false, error: { code: 'forbidden', message: 'Access refused: open the address printed by `claimtrail serve` (it carries the access token).' } };
        const body = (await res.json()) as ApiResult<unknown>;
        if (typeof body === 'object' && body !== null && 'ok' in body) return body;
        return { ok: false, error: { code: 'internal', message: `Unexpected answer from the server (HTTP ${res.status})` } };
      } catch (e) {
        return { ok: false, error: { code: 'internal', message: `Cannot reach the ClaimTrail server: ${String(e)}` } };
      }
    },
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
