/** The case the desktop app has open: one database worker at a time, swapped on New/Open/Save as. */
import { basename, resolve } from 'node:path';
import type { Progress } from '../../core/transport';
import { CaseHost } from '../../db/host/host';
import { backupsRoot, rememberCase, userDataDir } from '../../db/user-data';
import { desktopSigningKey } from './signing-key';

export class CaseSession {
  private host: CaseHost | null = null;
  private unlisten: (() => void) | null = null;

  constructor(
    private readonly workerFile: string,
    private readonly onProgress: (p: Progress) => void,
    private readonly onChange: (path: string) => void,
  ) {}

  get current(): CaseHost | null {
    return this.host;
  }

  get title(): string {
    return this.host ? `${basename(this.host.casePath)} — ClaimTrail` : 'ClaimTrail';
  }

  /** Opens (or with create: makes) a case; the previous one stays open if this fails. An opened case gets its day's rolling backup in the worker. */
  async open(path: string, create = false): Promise<void> {
    const casePath = resolve(path);
    const next = await CaseHost.start({ casePath, create, workerFile: this.workerFile, backupRoot: create ? undefined : backupsRoot(), signingKeyPem: desktopSigningKey(), userDir: userDataDir() });
    void next.autoBackup.then((r) => {
      if (r && !r.ok) console.error(r.message);
    });
    const prev = this.host;
    this.unlisten?.();
    this.host = next;
    this.unlisten = next.onProgress(this.onProgress);
    rememberCase(casePath);
    await prev?.close();
    this.onChange(casePath);
  }

  /** Copies the open case with the online backup API, then continues in the copy. */
  async saveAs(path: string): Promise<void> {
    if (!this.host) throw new Error('No case is open.');
    const r = await this.host.backup(resolve(path));
    if (!r.ok) throw new Error(r.error.message);
    await this.open(path);
  }

  async close(): Promise<void> {
    this.unlisten?.();
    await this.host?.close();
    this.host = null;
  }
}
