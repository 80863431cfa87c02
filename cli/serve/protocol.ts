/** Messages between a CaseHost (main thread) and its database worker. */
import type { ApiResult } from '../../core/api';
import type { Progress } from '../../core/transport';

export interface WorkerData {
  casePath: string;
  actor?: string;
  /** Int32Array over this: [0] = 1 asks the running job to stop. */
  cancelFlag: SharedArrayBuffer;
}

export interface CallRequest {
  id: number;
  method: string;
  input: unknown;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'progress'; progress: Progress };
