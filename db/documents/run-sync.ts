/**
 * runInWorkerSync: does async work (pdf.js, Readability, mammoth, an HTTP fetch) on a worker thread while
 * the caller — the database worker or the CLI process, never the UI thread — blocks, so the contract stays
 * synchronous. The caller waits with Atomics.wait on a shared counter and takes the worker's messages
 * with receiveMessageOnPort; between waits it checks the time limit and `isCancelled`.
 *
 * Two threads per run: a small supervisor (plain JavaScript, `eval`) that the caller starts, and the task
 * worker the supervisor starts with `resourceLimits`. The supervisor's event loop is free, so when the task
 * worker dies (out of memory, a crash) it still tells the caller at once. Stopping the supervisor (time
 * limit, cancel, done) stops the task worker with it.
 *
 * The task worker is `task-boot.mjs` (TypeScript through tsx) when running from source and
 * `documents-worker.js` beside the bundle in Electron (scripts/build-electron.mjs builds it from
 * db/documents/task-worker.ts). Tasks are named in db/documents/tasks.ts.
 */
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type ResourceLimits } from 'node:worker_threads';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

export interface RunSyncOptions {
  /** Stop the worker and fail after this long (default 120 s). */
  timeoutMs?: number;
  /** Limits of the task worker's heap (default: 1024 MB old generation, 64 MB young, 8 MB stack). */
  resourceLimits?: ResourceLimits;
  /** Called on the caller's thread with each progress report of the task. */
  onProgress?(done: number, total: number, label: string): void;
  /** Polled between waits (every `pollMs`); true stops the worker and fails the run as cancelled. */
  isCancelled?(): boolean;
  /** How often the caller wakes to check the time limit and `isCancelled` (default 50 ms). */
  pollMs?: number;
  /** The task worker's script (defaults as described above). */
  workerFile?: string;
}

export type TaskFailureKind = 'error' | 'timeout' | 'cancelled' | 'memory' | 'crashed';

/** Why a run gave no result. `errorName` is the name of the error the task threw (kind 'error'). */
export class TaskFailure extends Error {
  constructor(
    readonly kind: TaskFailureKind,
    message: string,
    readonly errorName: string | null = null,
  ) {
    super(message);
    this.name = 'TaskFailure';
  }
}

export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 };

/** Messages from the supervisor to the caller. */
export type RunMessage =
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'done'; value: unknown }
  | { type: 'error'; kind: TaskFailureKind; name: string | null; message: string };

/** What the task worker receives as workerData. */
export interface TaskWorkerData {
  task: string;
  input: unknown;
}

export function defaultTaskWorkerFile(): string {
  const here = import.meta.url;
  // From source (tsx, vitest) this module is a .ts file; in Electron's bundle it is part of a .js bundle.
  const file = here.endsWith('.ts') ? './task-boot.mjs' : './documents-worker.js';
  return fileURLToPath(new URL(file, here));
}

// The supervisor: relays the task worker's messages to the caller and bumps the shared counter after each,
// and reports the task worker's death (an error, an exit without an answer) the moment it happens.
const SUPERVISOR = `
const { Worker, workerData } = require('node:worker_threads');
const { port, state, file, task, input, resourceLimits } = workerData;
let answered = false;
const send = (m) => { port.postMessage(m); Atomics.add(state, 0, 1); Atomics.notify(state, 0); };
const child = new Worker(file, { workerData: { task, input }, resourceLimits });
child.on('message', (m) => { if (m.type !== 'progress') answered = true; send(m); });
child.on('error', (e) => {
  if (answered) return;
  answered = true;
  const memory = e && e.code === 'ERR_WORKER_OUT_OF_MEMORY';
  send({ type: 'error', kind: memory ? 'memory' : 'crashed', name: (e && e.name) || null, message: String((e && e.message) || e) });
});
child.on('exit', (code) => {
  if (answered) return;
  answered = true;
  send({ type: 'error', kind: 'crashed', name: null, message: 'the worker stopped without an answer (exit code ' + code + ')' });
});
`;

/**
 * Runs `task` (db/documents/tasks.ts) with `input` on a worker thread and blocks until it answers.
 * Throws TaskFailure on error, time limit, cancel, memory limit or crash; the worker is stopped then.
 */
export function runInWorkerSync<K extends TaskName>(task: K, input: TaskInput<K>, opts: RunSyncOptions = {}): TaskOutput<K> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pollMs = Math.max(1, opts.pollMs ?? 50);
  const state = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const supervisor = new Worker(SUPERVISOR, {
    eval: true,
    workerData: {
      port: port2,
      state,
      file: opts.workerFile ?? defaultTaskWorkerFile(),
      task,
      input,
      resourceLimits: { ...DEFAULT_RESOURCE_LIMITS, ...opts.resourceLimits },
    },
    transferList: [port2],
  });
  supervisor.unref();
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const seen = Atomics.load(state, 0);
      for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
        const msg = m.message as RunMessage;
        if (msg.type === 'progress') opts.onProgress?.(msg.done, msg.total, msg.label);
        else if (msg.type === 'done') return msg.value as TaskOutput<K>;
        else throw new TaskFailure(msg.kind, msg.message, msg.name);
      }
      if (opts.isCancelled?.()) throw new TaskFailure('cancelled', 'cancelled');
      const left = deadline - Date.now();
      if (left <= 0) throw new TaskFailure('timeout', `did not finish within ${Math.round(timeoutMs / 1000)} s`);
      Atomics.wait(state, 0, seen, Math.min(pollMs, left));
    }
  } finally {
    port1.close();
    void supervisor.terminate();
  }
}
