/**
 * The database worker: owns the one connection to the case file and answers calls one at a time,
 * so long jobs never block the thread that serves HTTP or Electron's main process.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ApiResult } from '../../core/api';
import { createApi, type CaseApi } from '../api';
import { loadOrCreateSigner, signedHeadStatement, signerFromPem } from '../signing';
import type { DB } from '../sql';
import { closeCase, openCase, type CaseHandle } from '../open';
import { rollingBackup } from '../transfer/rolling';
import type { CallRequest, WorkerData, WorkerMessage } from './protocol';
import { verifyInThread } from './verify';

export function serveCase(data: WorkerData, port: MessagePort): void {
  const cancel = new Int32Array(data.cancelFlag);
  let current = '';

  const send = (m: WorkerMessage) => port.postMessage(m);
  /** A result structured clone cannot carry (e.g. nested too deep) is answered as an error, never lost. */
  const answer = (id: number, result: ApiResult<unknown>) => {
    try {
      send({ type: 'result', id, result });
    } catch (e) {
      send({ type: 'result', id, result: { ok: false, error: { code: 'internal', message: `The answer could not be passed back from the database: ${e instanceof Error ? e.message : String(e)}` } } });
    }
  };

  let handle: CaseHandle | null = null;
  let api: CaseApi | null = null;
  try {
    handle = openCase(data.casePath, { create: data.create });
    api = createApi(handle.db, {
      path: data.casePath,
      actor: data.actor,
      userDir: data.userDir,
      onProgress: (done, total, label) => send({ type: 'progress', progress: { method: current, done, total, label } }),
      isCancelled: () => Atomics.load(cancel, 0) === 1,
      ...signing(data),
    });
    send({ type: 'ready' });
  } catch (e) {
    send({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
  }

  // The day's rolling backup runs after 'ready', so opening does not wait for it: the online backup
  // copies in steps between which calls are answered, and the copy is checked on a helper thread.
  // Closing first abandons it (an unchecked copy stays a .partial, which the next backup removes).
  if (handle && data.backupRoot) {
    const root = data.backupRoot;
    const verify = (file: string) => verifyInThread(data.workerFile, file);
    rollingBackup(handle.db, data.casePath, { root, verify }).then(
      (r) => send({ type: 'auto-backup', result: { ok: true, ...r } }),
      (e: unknown) => send({ type: 'auto-backup', result: { ok: false, message: `The automatic backup into ${root} failed: ${e instanceof Error ? e.message : String(e)}` } }),
    );
  }

  async function backup(id: number, to: string): Promise<void> {
    try {
      await handle!.db.backup(to);
      send({ type: 'result', id, result: { ok: true, value: null } });
    } catch (e) {
      send({ type: 'result', id, result: { ok: false, error: { code: 'internal', message: `Could not save a copy to ${to}: ${(e as Error).message}` } } });
    }
  }

  port.on('message', (msg: CallRequest | { type: 'close' }) => {
    if ('type' in msg) {
      if (handle) closeCase(handle);
      handle = null;
      port.close();
      return;
    }
    if (!api) return send({ type: 'result', id: msg.id, result: { ok: false, error: { code: 'internal', message: 'The case is not open.' } } });
    if (msg.backupTo !== undefined) return void backup(msg.id, msg.backupTo);
    Atomics.store(cancel, 0, 0);
    current = msg.method;
    const result = api.call(msg.method, msg.input);
    current = '';
    answer(msg.id, result);
  });
}

/** Statements signed with the key handed over (desktop) or the one kept in the signing folder (web mode). */
function signing(data: WorkerData): { signHead?: (db: DB, at: string) => string } {
  if (data.signingKeyPem) {
    const signer = signerFromPem(data.signingKeyPem);
    return { signHead: (db, at) => signedHeadStatement(db, signer, at) };
  }
  const dir = data.signingDir;
  return dir ? { signHead: (db, at) => signedHeadStatement(db, loadOrCreateSigner(dir), at) } : {};
}
