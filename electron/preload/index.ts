/**
 * The renderer's only door: window.claimtrail = { invoke, onProgress, cancel, briefingPdf } (core/transport.ts
 * Bridge). Nothing of Electron or Node leaks through: listeners get plain Progress objects.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResult } from '../../core/api';
import type { Bridge, Progress } from '../../core/transport';

const bridge: Bridge = {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke('api', method, input) as Promise<ApiResult<unknown>>,
  onProgress(listener: (p: Progress) => void) {
    const handler = (_event: IpcRendererEvent, p: Progress) => listener(p);
    ipcRenderer.on('progress', handler);
    return () => void ipcRenderer.removeListener('progress', handler);
  },
  cancel: () => ipcRenderer.invoke('cancel') as Promise<void>,
  // The channel is PDF_CHANNEL of electron/main/pdf-policy.ts (a literal here keeps the preload bundle minimal).
  briefingPdf: (id: string) => ipcRenderer.invoke('briefing-pdf', id) as Promise<ApiResult<{ file: string | null }>>,
};

contextBridge.exposeInMainWorld('claimtrail', bridge);
