/** The case the desktop app has open: one database worker at a time, swapped on New/Open/Save as (db/host/case-switch.ts). */
import { basename, resolve } from 'node:path';
import type { Progress } from '../../core/transport';
import { CaseSwitch } from '../../db/host/case-switch';
import { CaseHost } from '../../db/host/host';
import { backupsRoot, rememberCase, userDataDir } from '../../db/user-data';
import { desktopSigningKey } from './signing-key';

export class CaseSession {
  private readonly cases: CaseSwitch;

  constructor(
    workerFile: string,
    onProgress: (p: Progress) => void,
    private readonly onChange: (path: string) => void,
  ) {
    this.cases = new CaseSwitch(async (casePath, create) => {
      const host = await CaseHost.start({ casePath, create, workerFile, backupRoot: create ? undefined : backupsRoot(), signingKeyPem: desktopSigningKey(), userDir: userDataDir() });
      void host.autoBackup.then((r) => {
        if (r && !r.ok) console.error(r.message);
      });
      return host;
    });
    this.cases.onProgress(onProgress);
  }

  get current(): CaseHost | null {
    return this.cases.current;
  }

  get title(): string {
    const host = this.cases.current;
    return host ? `${basename(host.casePath)} — ClaimTrail` : 'ClaimTrail';
  }

  /** Opens (or with create: makes) a case; the previous one stays open if this fails. An opened case gets its day's rolling backup in the worker. */
  async open(path: string, create = false): Promise<void> {
    const host = await this.cases.open(path, create);
    rememberCase(host.casePath);
    this.onChange(host.casePath);
  }

  /** Copies the open case with the online backup API, then continues in the copy. */
  async saveAs(path: string): Promise<void> {
    const host = this.cases.current;
    if (!host) throw new Error('No case is open.');
    const r = await host.backup(resolve(path));
    if (!r.ok) throw new Error(r.error.message);
    await this.open(path);
  }

  async close(): Promise<void> {
    await this.cases.close();
  }
}
