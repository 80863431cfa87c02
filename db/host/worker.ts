/**
 * The database worker's entry (bundled as dist/electron/main/db-worker.js): normally it serves one
 * case (case-worker.ts); started with a VerifyJob it checks a fresh backup copy and ends (verify.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveCase } from './case-worker';
import type { WorkerData } from './protocol';
import { isVerifyJob, runVerifyJob } from './verify';

if (isVerifyJob(workerData)) runVerifyJob(workerData, parentPort!);
else serveCase(workerData as WorkerData, parentPort!);
