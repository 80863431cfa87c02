/**
 * The one open case of a shell that can switch cases (web mode's case switcher; the desktop app's
 * CaseSession): opening another case starts its worker first, so the previous case stays open when
 * the new one cannot be opened. Progress listeners follow whichever case is open, and every switch
 * increments `generation`, which web mode sends to each tab so that a tab still showing the previous
 * case cannot write into the new one.
 */
import { resolve } from 'node:path';
import type { Progress } from '../../core/transport';
import type { CaseHost } from './host';

export type StartHost = (casePath: string, create: boolean) => Promise<CaseHost>;

export class CaseSwitch {
  private host: CaseHost | null = null;
  private unlisten: (() => void) | null = null;
  private readonly listeners = new Set<(p: Progress) => void>();
  /** 0 before the first case; +1 on every open. */
  generation = 0;

  constructor(private readonly startHost: StartHost) {}

  /** The open case, or null before the first open and after close. */
  get current(): CaseHost | null {
    return this.host;
  }

  onProgress(listener: (p: Progress) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Opens (with create: makes) a case and closes the previous one; a failure leaves the previous one open. */
  async open(path: string, create = false): Promise<CaseHost> {
    const next = await this.startHost(resolve(path), create);
    const prev = this.host;
    this.unlisten?.();
    this.host = next;
    this.generation += 1;
    this.unlisten = next.onProgress((p) => {
      for (const l of this.listeners) l(p);
    });
    await prev?.close();
    return next;
  }

  async close(): Promise<{ stuck: boolean }> {
    this.unlisten?.();
    const host = this.host;
    this.host = null;
    return (await host?.close()) ?? { stuck: false };
  }
}
