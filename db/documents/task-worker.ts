/**
 * The task worker's entry (bundled as dist/electron/main/documents-worker.js; from source loaded by
 * task-boot.mjs): runs one task of tasks.ts and answers once through its parent (run-sync.ts's supervisor).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RunMessage, TaskWorkerData } from './run-sync';
import { tasks, type TaskContext } from './tasks';

async function main(port: NonNullable<typeof parentPort>, data: TaskWorkerData): Promise<void> {
  const send = (m: RunMessage) => port.postMessage(m);
  try {
    const load = tasks[data.task as keyof typeof tasks];
    if (!load) throw new Error(`unknown task ${JSON.stringify(data.task)}`);
    const run = (await load()) as (input: unknown, ctx: TaskContext) => Promise<unknown>;
    const ctx: TaskContext = { progress: (done, total, label) => send({ type: 'progress', done, total, label }) };
    send({ type: 'done', value: await run(data.input, ctx) });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    send({ type: 'error', kind: 'error', name: err.name, message: err.message });
  }
}

if (parentPort) void main(parentPort, workerData as TaskWorkerData);
