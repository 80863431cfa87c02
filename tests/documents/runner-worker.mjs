// A task worker for tests/documents/run-sync.test.ts: speaks run-sync.ts's protocol with plain tasks
// that answer, report progress, throw, never answer, run out of memory or exit.
import process from 'node:process';
import { setInterval, setTimeout } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';

const { task, input } = workerData;
const send = (m) => parentPort.postMessage(m);
const tasks = {
  echo: () => send({ type: 'done', value: { echoed: input } }),
  progress: () => {
    for (let i = 1; i <= 3; i++) send({ type: 'progress', done: i, total: 3, label: `step ${i}` });
    setTimeout(() => send({ type: 'done', value: 'finished' }), 20);
  },
  throw: () => send({ type: 'error', kind: 'error', name: 'DocumentError', message: 'refused on page 2' }),
  forever: () => setInterval(() => undefined, 1000),
  hog: () => {
    const keep = [];
    for (;;) keep.push(new Array(1e6).fill(keep.length));
  },
  exit: () => process.exit(3),
};
tasks[task]();
