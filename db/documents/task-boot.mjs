// Task worker entry when running from source: loads the TypeScript task worker through tsx.
// The plain-JavaScript libraries a task needs are imported first, natively: through tsx's loader
// pdf.js takes about nine times longer to load. (The Electron bundle has no loader and needs none of this.)
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const EXTRACT_LIBRARIES = {
  'application/pdf': ['pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs'],
  'text/html': ['linkedom', '@mozilla/readability'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['linkedom', 'mammoth'],
};
const native = {
  extract: (input) => EXTRACT_LIBRARIES[input?.type] ?? [],
};
for (const specifier of native[workerData?.task]?.(workerData.input) ?? []) await import(specifier);

register();
await import('./task-worker.ts');
