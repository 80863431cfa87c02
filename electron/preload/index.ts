/**
 * The renderer's only door: window.claimtrail = { invoke, onProgress, cancel } (core/transport.ts
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
};

contextBridge.exposeInMainWorld('claimtrail', bridge);
