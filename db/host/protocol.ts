/** Messages between a CaseHost (main thread) and its database worker. */
import type { ApiResult } from '../../core/api';
import type { Progress } from '../../core/transport';

export interface WorkerData {
  casePath: string;
  actor?: string;
  /** Create the case file when it is missing (desktop "New case…"). */
  create?: boolean;
  /** Int32Array over this: [0] = 1 asks the running job to stop. */
  cancelFlag: SharedArrayBuffer;
  /** Take the day's rolling backup into this folder after opening (db/transfer/rolling.ts). */
  backupRoot?: string;
  /** Sign exports and saved briefings with the key in this folder (db/signing.ts). */
  signingDir?: string;
  /** The user data folder whose settings.json holds the analyst's name (db/service/context.ts userDir). */
  userDir?: string;
  /** Or with this key (PKCS#8 PEM), unsealed by the desktop app. */
  signingKeyPem?: string;
  /** This worker's own script (a path), started again as the helper that checks a backup copy. */
  workerFile: string;
}

export interface CallRequest {
  id: number;
  method: string;
  input: unknown;
  /** Instead of a contract call: copy the open case to this path with SQLite's online backup API. */
  backupTo?: string;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'progress'; progress: Progress }
  | { type: 'auto-backup'; result: AutoBackup };

/** How the rolling backup taken on open went (sent once, after 'ready', when a backupRoot was given). */
export type AutoBackup = { ok: true; file: string | null; removed: string[]; skipped?: 'off' | 'today' } | { ok: false; message: string };
