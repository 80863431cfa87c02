// Task worker entry when running from source: loads the TypeScript task worker through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./task-worker.ts');
