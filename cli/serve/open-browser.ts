/** Opens an address in the default browser where the machine has one (web mode's `--open`). */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The command that opens a URL on this platform, or null when there is none (e.g. a headless Linux). */
export function browserCommand(platform = process.platform, path = process.env.PATH ?? ''): [string, string[]] | null {
  if (platform === 'darwin') return ['open', []];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""']];
  const found = path.split(delimiter).some((dir) => dir && existsSync(join(dir, 'xdg-open')));
  return found ? ['xdg-open', []] : null;
}

/** Starts the browser and does not wait for it; false when no browser could be started. */
export function openInBrowser(url: string): Promise<boolean> {
  const cmd = browserCommand();
  if (!cmd) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(cmd[0], [...cmd[1], url], { detached: true, stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
