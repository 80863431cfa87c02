/**
 * Checks a fresh backup copy (integrity_check, which reads every page) on a helper thread, so the
 * case's worker keeps answering calls meanwhile: on a 100k-claim case the check alone would hold it
 * for seconds. The helper is the database worker script itself, started again in verify mode, so it
 * works the same from source (tsx) and from Electron's bundle.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import { verifyCopy } from '../transfer/backup';

export interface VerifyJob {
  verifyBackup: string;
}

type Answer = { ok: true } | { ok: false; message: string };

export const isVerifyJob = (data: unknown): data is VerifyJob =>
  typeof data === 'object' && data !== null && typeof (data as Partial<VerifyJob>).verifyBackup === 'string';

/** Helper side: check the copy and answer once. */
export function runVerifyJob(job: VerifyJob, port: MessagePort): void {
  let answer: Answer;
  try {
    verifyCopy(job.verifyBackup);
    answer = { ok: true };
  } catch (e) {
    answer = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(answer);
}

/**
 * Case side: runs the check in a helper thread. The helper is unref'd: closing the case does not
 * wait for it (the unfinished copy is then left as a .partial and removed by the next backup).
 */
export function verifyInThread(workerFile: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const helper = new Worker(workerFile, { workerData: { verifyBackup: file } satisfies VerifyJob });
    helper.unref();
    let answered = false;
    helper.once('message', (a: Answer) => {
      answered = true;
      if (a.ok) resolve();
      else reject(new Error(a.message));
    });
    helper.once('error', (e) => reject(e));
    helper.once('exit', (code) => {
      if (!answered) reject(new Error(`the check of ${file} stopped early (exit code ${code})`));
    });
  });
}
