/**
 * CaseHost: runs createApi in a worker thread and queues calls to it, one at a time. Progress of
 * long jobs arrives as events; cancel() raises a shared flag that the worker's job reads between
 * batches. Used by `claimtrail serve` and by Electron's main process.
 *
 * It survives its worker: an input that cannot reach the worker is refused on its own, and when the
 * worker fails (an error, a crash, an exit) the call it was answering fails with a clear error, a
 * new worker opens the case again, and the queued calls continue there.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ApiResult } from '../../core/api';
import type { Progress } from '../../core/transport';
import { checkInputShape } from './limits';
import type { AutoBackup, CallRequest, WorkerData, WorkerMessage } from './protocol';

export interface CaseHostOptions {
  casePath: string;
  actor?: string;
  create?: boolean;
  /** The worker script; defaults to the source entry that loads TypeScript through tsx. */
  workerFile?: URL | string;
  /** Take the day's rolling backup into this folder once the case is open (db/user-data.ts backupsRoot()). */
  backupRoot?: string;
  /** How long close() lets a busy worker finish before it is stopped (default 2 s). */
  closeGraceMs?: number;
  /** Sign exports and saved briefings with the analyst's key kept in this folder (db/signing.ts). */
  signingDir?: string;
  /** Or with this key (PKCS#8 PEM), unsealed by the desktop app from the OS keychain. */
  signingKeyPem?: string;
  /** The user data folder: the analyst's name for every case comes from its settings.json. */
  userDir?: string;
}

interface Pending extends CallRequest {
  resolve(r: ApiResult<unknown>): void;
}

const internal = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'internal', message } });
const invalid = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'invalid', message } });

/** Starts a worker and resolves once it reports the case open; rejects with the reason it could not. */
function startWorker(data: WorkerData): Promise<Worker> {
  const worker = new Worker(data.workerFile, { workerData: data });
  return new Promise((resolve, reject) => {
    const onFirst = (m: WorkerMessage) => {
      if (m.type !== 'ready' && m.type !== 'fatal') return;
      worker.off('message', onFirst);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (m.type === 'ready') return resolve(worker);
      void worker.terminate();
      reject(new Error(m.message));
    };
    const onError = (e: Error) => reject(e);
    const onExit = (code: number) => reject(new Error(`The database worker stopped before the case was open (exit code ${code}).`));
    worker.on('message', onFirst);
    worker.once('error', onError);
    worker.once('exit', onExit);
  });
}

export class CaseHost {
  readonly casePath: string;
  private worker: Worker;
  private readonly data: WorkerData;
  private readonly flag: SharedArrayBuffer;
  private readonly closeGraceMs: number;
  private readonly queue: Pending[] = [];
  private running: Pending | null = null;
  private nextId = 1;
  /** Set once the host can answer no more calls (closed, or no worker could open the case again). */
  private dead: string | null = null;
  private restarting = false;
  private closing: Promise<{ stuck: boolean }> | null = null;
  private restarts = 0;
  private readonly listeners = new Set<(p: Progress) => void>();
  private settleBackup: (r: AutoBackup | null) => void = () => undefined;
  /** How the rolling backup on open went; null when none was asked for. It never delays calls. */
  readonly autoBackup: Promise<AutoBackup | null>;

  private constructor(worker: Worker, data: WorkerData, opts: CaseHostOptions) {
    this.casePath = opts.casePath;
    this.worker = worker;
    this.data = data;
    this.flag = data.cancelFlag;
    this.closeGraceMs = opts.closeGraceMs ?? 2_000;
    this.autoBackup = new Promise((resolve) => (this.settleBackup = resolve));
    if (!opts.backupRoot) this.settleBackup(null);
    this.attach(worker);
  }

  /** Starts the worker and waits until the case is open; rejects with the reason it could not be. */
  static async start(opts: CaseHostOptions): Promise<CaseHost> {
    const file = opts.workerFile ?? new URL('./worker-boot.mjs', import.meta.url);
    const workerFile = file instanceof URL ? fileURLToPath(file) : file;
    const data: WorkerData = { casePath: opts.casePath, actor: opts.actor, create: opts.create, cancelFlag: new SharedArrayBuffer(4), backupRoot: opts.backupRoot, signingDir: opts.signingDir, signingKeyPem: opts.signingKeyPem, userDir: opts.userDir, workerFile };
    return new CaseHost(await startWorker(data), data, opts);
  }

  /** How many times a failed worker was replaced (for tests and diagnostics). */
  get workerRestarts(): number {
    return this.restarts;
  }

  private attach(worker: Worker): void {
    worker.on('message', (m: WorkerMessage) => {
      if (worker !== this.worker) return;
      if (m.type === 'progress') for (const l of this.listeners) l(m.progress);
      else if (m.type === 'auto-backup') this.settleBackup(m.result);
      else if (m.type === 'result' && this.running?.id === m.id) {
        const done = this.running;
        this.running = null;
        done.resolve(m.result);
        this.pump();
      }
    });
    worker.on('error', (e) => this.workerFailed(worker, `it failed: ${e.message}`));
    worker.on('exit', (code) => this.workerFailed(worker, `it stopped (exit code ${code})`));
  }

  /** The worker is gone: fail the call it was answering, then (unless closing) open the case in a new one. */
  private workerFailed(worker: Worker, why: string): void {
    if (worker !== this.worker || this.restarting) return;
    this.settleBackup({ ok: false, message: `No automatic backup: the database worker ${why}.` });
    const lost = this.running;
    this.running = null;
    if (this.closing || this.dead) {
      this.failAll(this.dead ?? 'The case is closed.');
      return;
    }
    lost?.resolve(internal(`The database worker ${why} while answering ${lost.method}; that call did not complete (nothing of it was saved). The case has been opened again: try again.`));
    this.restarting = true;
    void worker.terminate();
    startWorker({ ...this.data, backupRoot: undefined, create: false }).then(
      (next) => {
        this.restarting = false;
        this.restarts++;
        if (this.closing) return void next.terminate();
        this.worker = next;
        this.attach(next);
        this.pump();
      },
      (e: unknown) => {
        this.restarting = false;
        this.dead = `The case could not be opened again after its database worker ${why}: ${e instanceof Error ? e.message : String(e)}`;
        this.failAll(this.dead);
      },
    );
  }

  private failAll(why: string): void {
    const all = [...(this.running ? [this.running] : []), ...this.queue.splice(0)];
    this.running = null;
    for (const p of all) p.resolve(internal(why));
  }

  private pump(): void {
    while (!this.running && !this.dead && !this.restarting && !this.closing) {
      const next = this.queue.shift();
      if (!next) return;
      const req: CallRequest = { id: next.id, method: next.method, input: next.input, backupTo: next.backupTo };
      try {
        this.worker.postMessage(req);
        this.running = next;
      } catch (e) {
        // Structured clone refused the input (e.g. nested too deep): the worker never saw it.
        next.resolve(invalid(`The input of ${next.method} cannot be passed to the database: ${e instanceof Error ? e.message : String(e)}`));
      }
    }
  }

  private enqueue(req: Omit<CallRequest, 'id'>): Promise<ApiResult<unknown>> {
    if (this.dead) return Promise.resolve(internal(this.dead));
    if (this.closing) return Promise.resolve(internal('The case is closed.'));
    const shape = checkInputShape(req.input);
    if (!shape.ok) return Promise.resolve(invalid(shape.message));
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

  /**
   * Closes the case: fails queued calls, asks the running job to stop, lets the worker close the
   * connection, and stops the worker outright if it is still busy after the grace period. A thread
   * stuck inside one SQLite statement cannot be stopped from JavaScript: then `stuck` is true and the
   * caller ends the process (the CLI re-raises its signal; SQLite's journal makes that safe).
   */
  close(): Promise<{ stuck: boolean }> {
    return (this.closing ??= this.closeWorker());
  }

  private async closeWorker(): Promise<{ stuck: boolean }> {
    if (this.dead) return { stuck: false };
    for (const p of this.queue.splice(0)) p.resolve(internal('The case is closed.'));
    if (this.restarting) {
      // The replacement worker is terminated as soon as it reports ready (workerFailed).
      return { stuck: false };
    }
    this.cancel();
    const worker = this.worker;
    let exited = false;
    const exit = new Promise<void>((r) => worker.once('exit', () => ((exited = true), r())));
    const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());
    worker.postMessage({ type: 'close' });
    await Promise.race([exit, wait(this.closeGraceMs)]);
    if (!exited) {
      void worker.terminate();
      await Promise.race([exit, wait(this.closeGraceMs)]);
    }
    this.dead = 'The case is closed.';
    return { stuck: !exited };
  }
}
