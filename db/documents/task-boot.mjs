// Task worker entry when running from source: loads the TypeScript task worker through tsx.
// Large plain-JavaScript libraries a task needs are imported first, natively: through tsx's loader
// pdf.js takes about nine times longer to load. (The Electron bundle has no loader and needs none of this.)
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const native = {
  extract: (input) => (input?.type === 'application/pdf' ? ['pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs'] : []),
};
for (const specifier of native[workerData?.task]?.(workerData.input) ?? []) await import(specifier);

register();
await import('./task-worker.ts');
