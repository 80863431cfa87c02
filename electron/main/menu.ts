/** The application menu: File (New, Open, Open recent, Save as), Edit, View, Window, Help. */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import { readState } from '../../db/user-data';

export interface MenuActions {
  newCase(): void;
  openCase(): void;
  openRecent(path: string): void;
  saveAs(): void;
}

export function buildMenu(actions: MenuActions): void {
  const isMac = process.platform === 'darwin';
  const recent: MenuItemConstructorOptions[] = readState().recent.map((path) => ({
    label: basename(path),
    sublabel: path,
    click: () => actions.openRecent(path),
  }));
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Case…', accelerator: 'CmdOrCtrl+N', click: actions.newCase },
      { label: 'Open Case…', accelerator: 'CmdOrCtrl+O', click: actions.openCase },
      { label: 'Open Recent', submenu: recent.length ? recent : [{ label: 'No recent cases', enabled: false }] },
      { type: 'separator' },
      { label: 'Save Case As…', accelerator: 'CmdOrCtrl+Shift+S', click: actions.saveAs },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
