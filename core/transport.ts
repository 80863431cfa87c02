/**
 * What the renderer sees of a transport. Electron's preload exposes exactly this as
 * `window.claimtrail`; in web mode the renderer builds the same shape over HTTP.
 */
import type { ApiResult } from './api';

export interface Progress {
  /** The method that is running, e.g. "transfer.import". */
  method: string;
  done: number;
  total: number;
  label: string;
}

export interface Bridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Progress of long jobs (imports, exports, briefings, index rebuilds). Returns an unsubscribe. */
  onProgress(listener: (p: Progress) => void): () => void;
  /** Asks the running long job to stop; it rolls back and answers { ok: false, error.code: 'cancelled' }. */
  cancel(): Promise<void>;
  /**
   * Desktop app only (absent in web mode): prints a saved briefing to PDF with Electron's printToPDF
   * and asks where to save it; file is null when the analyst cancelled the save dialog.
   */
  briefingPdf?(id: string): Promise<ApiResult<{ file: string | null }>>;
  /**
   * Web mode only (the desktop app has its File menu): the session methods of core/contract/session.ts
   * (recent cases, open a case by path, new case). After a switch the page reloads.
   */
  session?(method: string, input: unknown): Promise<ApiResult<unknown>>;
}

/** Web mode: the header that carries the per-run token on every API request. */
export const TOKEN_HEADER = 'x-claimtrail-token';
/** Web mode: the header that carries a one-time launch code to POST /api/session (traded for the token). */
export const LAUNCH_HEADER = 'x-claimtrail-launch';
/**
 * Web mode: which opening of a case an answer came from (the server's CaseSwitch generation). The page
 * sends back the one it first saw; after another tab switched cases the server refuses its calls (409)
 * instead of letting them reach the other case.
 */
export const CASE_HEADER = 'x-claimtrail-case';
