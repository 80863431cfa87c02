/**
 * CaseHost: runs createApi in a worker thread and queues calls to it, one at a time. Progress of
 * long jobs arrives as events; cancel() raises a shared flag that the worker's job reads between
 * batches. Used by `claimtrail serve` and by Electron's main process.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ApiResult } from '../../core/api';
import type { Progress } from '../../core/transport';
import type { AutoBackup, CallRequest, WorkerData, WorkerMessage } from './protocol';

export interface CaseHostOptions {
  casePath: string;
  actor?: string;
  create?: boolean;
  /** The worker script; defaults to the source entry that loads TypeScript through tsx. */
  workerFile?: URL | string;
  /** Take the day's rolling backup into this folder once the case is open (db/user-data.ts backupsRoot()). */
  backupRoot?: string;
}

interface Pending extends CallRequest {
  resolve(r: ApiResult<unknown>): void;
}

const internal = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'internal', message } });

export class CaseHost {
  readonly casePath: string;
  private readonly worker: Worker;
  private readonly flag = new SharedArrayBuffer(4);
  private readonly queue: Pending[] = [];
  private running: Pending | null = null;
  private nextId = 1;
  private dead: string | null = null;
  private readonly listeners = new Set<(p: Progress) => void>();
  private settleBackup: (r: AutoBackup | null) => void = () => undefined;
  /** How the rolling backup on open went; null when none was asked for. It never delays calls. */
  readonly autoBackup: Promise<AutoBackup | null>;

  private constructor(opts: CaseHostOptions) {
    this.casePath = opts.casePath;
    this.autoBackup = new Promise((resolve) => (this.settleBackup = resolve));
    if (!opts.backupRoot) this.settleBackup(null);
    const file = opts.workerFile ?? new URL('./worker-boot.mjs', import.meta.url);
    const workerFile = file instanceof URL ? fileURLToPath(file) : file;
    const data: WorkerData = { casePath: opts.casePath, actor: opts.actor, create: opts.create, cancelFlag: this.flag, backupRoot: opts.backupRoot, workerFile };
    this.worker = new Worker(workerFile, { workerData: data });
  }

  /** Starts the worker and waits until the case is open; rejects with the reason it could not be. */
  static start(opts: CaseHostOptions): Promise<CaseHost> {
    const host = new CaseHost(opts);
    return new Promise((resolve, reject) => {
      const onFirst = (m: WorkerMessage) => {
        if (m.type === 'ready') {
          host.worker.off('error', onError);
          host.attach();
          resolve(host);
        } else if (m.type === 'fatal') {
          host.worker.off('error', onError);
          void host.worker.terminate();
          reject(new Error(m.message));
        } else return;
        host.worker.off('message', onFirst);
      };
      const onError = (e: Error) => reject(e);
      host.worker.on('message', onFirst);
      host.worker.once('error', onError);
    });
  }

  private attach(): void {
    this.worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') for (const l of this.listeners) l(m.progress);
      else if (m.type === 'auto-backup') this.settleBackup(m.result);
      else if (m.type === 'result' && this.running?.id === m.id) {
        const done = this.running;
        this.running = null;
        done.resolve(m.result);
        this.pump();
      }
    });
    const fail = (why: string) => {
      this.dead = why;
      this.settleBackup({ ok: false, message: `No automatic backup: ${why}` });
      const all = [...(this.running ? [this.running] : []), ...this.queue.splice(0)];
      this.running = null;
      for (const p of all) p.resolve(internal(why));
    };
    this.worker.on('error', (e) => fail(`The database worker failed: ${e.message}`));
    this.worker.on('exit', () => fail('The case is closed.'));
  }

  private pump(): void {
    if (this.running || this.dead) return;
    const next = this.queue.shift();
    if (!next) return;
    this.running = next;
    const req: CallRequest = { id: next.id, method: next.method, input: next.input, backupTo: next.backupTo };
    this.worker.postMessage(req);
  }

  private enqueue(req: Omit<CallRequest, 'id'>): Promise<ApiResult<unknown>> {
    if (this.dead) return Promise.resolve(internal(this.dead));
    return new Promise((resolve) => {
      this.queue.push({ ...req, id: this.nextId++, resolve });
      this.pump();
    });
  }

  /** Queues one contract call; never rejects (failures come back as ApiResult errors). */
  call(method: string, input: unknown): Promise<ApiResult<unknown>> {
    return this.enqueue({ method, input });
  }

  /** Copies the open case to `path` (online backup: consistent even while it is in use), in turn with calls. */
  backup(path: string): Promise<ApiResult<unknown>> {
    return this.enqueue({ method: 'case.backup', input: null, backupTo: path });
  }

  onProgress(listener: (p: Progress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the running job (if any) to stop; queued calls still run. */
  cancel(): void {
    if (this.running) Atomics.store(new Int32Array(this.flag), 0, 1);
  }

  /** Closes the case after the running call, fails queued ones, and ends the worker. */
  async close(): Promise<void> {
    if (this.dead) return;
    const exited = new Promise<void>((r) => this.worker.once('exit', () => r()));
    for (const p of this.queue.splice(0)) p.resolve(internal('The case is closed.'));
    this.worker.postMessage({ type: 'close' });
    await exited;
  }
}
