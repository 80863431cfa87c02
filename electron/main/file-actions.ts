/** File menu actions: the dialogs around CaseSession (New, Open, Open recent, Save as). */
import { dialog, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { withCaseExtension } from '../../core/contract/session';
import type { CaseSession } from './case-session';

const FILTERS = [{ name: 'ClaimTrail case', extensions: ['claimtrail'] }];


export function fileActions(cases: CaseSession, getWindow: () => BrowserWindow | null) {
  const report = (what: string, e: unknown) =>
    dialog.showErrorBox(`ClaimTrail — ${what}`, e instanceof Error ? e.message : String(e));

  const run = (what: string, fn: () => Promise<void>) => () => void fn().catch((e: unknown) => report(what, e));

  const askSave = async (title: string): Promise<string | null> => {
    const win = getWindow();
    const opts = { title, filters: FILTERS, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
    const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
    return r.canceled || !r.filePath ? null : withCaseExtension(r.filePath);
  };

  return {
    newCase: run('New case', async () => {
      const path = await askSave('New case');
      if (!path) return;
      if (existsSync(path)) throw new Error(`${path} already exists: choose another name (a case is never overwritten).`);
      await cases.open(path, true);
    }),
    openCase: run('Open case', async () => {
      const win = getWindow();
      const opts = { title: 'Open case', filters: FILTERS, properties: ['openFile'] as 'openFile'[] };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      if (!r.canceled && r.filePaths[0]) await cases.open(r.filePaths[0]);
    }),
    openRecent: (path: string) => run('Open recent case', () => cases.open(path))(),
    saveAs: run('Save case as', async () => {
      const path = await askSave('Save case as');
      if (!path) return;
      if (existsSync(path)) throw new Error(`${path} already exists: choose another name (a case is never overwritten).`);
      await cases.saveAs(path);
    }),
    openPath: (path: string) => run('Open case', () => cases.open(path))(),
  };
}
