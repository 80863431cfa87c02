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
  | { type: 'progress'; progress: Progress };
