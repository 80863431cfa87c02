/** The IPC: 'api' (one contract call) and 'cancel' (plus 'briefing-pdf', briefing-pdf.ts), all from our window's main frame only. */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../../core/api';
import type { CaseSession } from './case-session';
import { isTrustedSender } from './policy';

export const forbidden: ApiResult<never> = { ok: false, error: { code: 'forbidden', message: 'This frame may not call ClaimTrail.' } };

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** True only for the main frame of our window, showing our app:// origin. */
export function senderCheck(getWindow: () => BrowserWindow | null): SenderCheck {
  return (event) => {
    const win = getWindow();
    const frame = event.senderFrame;
    if (!win || !frame || event.sender !== win.webContents) return false;
    return isTrustedSender(frame.url, frame === win.webContents.mainFrame);
  };
}

export function registerIpc(getWindow: () => BrowserWindow | null, cases: CaseSession): void {
  const trusted = senderCheck(getWindow);

  ipcMain.handle('api', async (event, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (!trusted(event)) return forbidden;
    if (typeof method !== 'string') return { ok: false, error: { code: 'invalid', message: 'The method name must be a string.' } };
    const host = cases.current;
    if (!host) return { ok: false, error: { code: 'internal', message: 'No case is open.' } };
    return host.call(method, input);
  });

  ipcMain.handle('cancel', (event) => {
    if (trusted(event)) cases.current?.cancel();
  });
}
