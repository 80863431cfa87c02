/** `claimtrail serve`: web mode (the desktop UI in a browser, on 127.0.0.1 only). */
import { resolve } from 'node:path';
import { num, str, UsageError, type Command } from '../command';
import { caseToOpen } from '../../db/host/open-default';
import { openInBrowser } from '../serve/open-browser';
import { defaultStaticDir, startServer } from '../serve/server';
import { rendererBuilt } from '../serve/static';
import { stopOnSignal } from '../serve/stop';
import { backupsRoot, rememberCase, userDataDir } from '../../db/user-data';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [--case FILE] [--port N] [--open] [--new-token]',
  summary:
    'Serve the case to your browser (web mode, 127.0.0.1 only); --open opens the default browser. Open tabs survive a restart on the same port (--new-token locks them out). Ctrl+C stops.',
  options: { port: { type: 'string' }, open: { type: 'boolean' }, 'new-token': { type: 'boolean' } },
  async run(ctx) {
    const port = num(ctx.values, 'port') ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, not ${port}`);
    const casePath = resolve(caseToOpen(str(ctx.values, 'case')));
    // Each printed address opens one tab once (its launch code is then spent): print the next one.
    const onLaunchUsed = () => ctx.io.err(`Address for one more browser tab: ${server.url}`);
    const userDir = userDataDir();
    const server = await startServer({
      casePath,
      port,
      actor: str(ctx.values, 'actor'),
      backupRoot: backupsRoot(),
      signingDir: userDir,
      userDir,
      renewSecrets: ctx.values['new-token'] === true,
      onLaunchUsed,
    });
    rememberCase(casePath, userDir);
    const address = server.url;
    ctx.io.out(address);
    const opened = ctx.values.open === true && (await openInBrowser(address));
    ctx.io.err(
      opened
        ? `ClaimTrail web mode: serving ${casePath}, opened in your browser. Ctrl+C stops.`
        : `ClaimTrail web mode: serving ${casePath}. Open the address above${ctx.values.open ? ' (no browser could be started here)' : ''}; Ctrl+C stops.`,
    );
    if (server.portTaken)
      ctx.io.err(`Port ${server.portTaken} (used last time) is taken now, so this server is on ${server.port}: tabs still open on ${server.portTaken} need the new address.`);
    if (!rendererBuilt(defaultStaticDir()))
      ctx.io.err('The web page is not built yet: run `npm run build:renderer` (or `npm run web`). The API works meanwhile.');
    void server.host.autoBackup.then((r) => {
      if (r && !r.ok) ctx.io.err(r.message);
      else if (r?.file) ctx.io.err(`Today's automatic backup: ${r.file}${r.removed.length ? ` (${r.removed.length} older removed)` : ''}.`);
    });
    await stopOnSignal(server.close);
  },
};
