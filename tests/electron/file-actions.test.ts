/**
 * The File menu and the ways a case reaches the desktop app (argv, a second launch, macOS open-file),
 * driven through the stand-in's menu and dialogs against the bundled main process: New, Open, Save
 * As (online backup), Open Recent, and a case that fails to open (error box, then the default case).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseInfo, Claim } from '../../core/types';
import { tempCase, tempDir } from '../helpers';
import { launch, useDesktops, type Desktop } from './stand-in/desktop';

const desktops = useDesktops();
const open = async (opts: { argv?: string[]; home?: string } = {}) => desktops.start(await launch(desktops.built, { home: desktops.home(), ...opts }));

const sampleCopy = (name: string) => {
  const c = tempCase({ sample: true, name });
  c.close();
  return c.path;
};

const claims = async (d: Desktop) => {
  const r = await d.call<CaseInfo>('case.info');
  if (!r.ok) throw new Error(r.error.message);
  return r.value.counts.claims;
};

describe('File menu', () => {
  it('New Case… asks where, creates an empty case and continues in it; Cancel changes nothing', async () => {
    const d = await open();
    expect(d.si.menuItem('File', 'New Case…').accelerator).toBe('CmdOrCtrl+N');
    d.si.clickMenu('File', 'New Case…');
    const cancelled = await d.si.nextDialog();
    cancelled.answer(null);
    d.si.clickMenu('File', 'New Case…');
    const dialog = await d.si.nextDialog();
    expect(dialog.window).toBe(d.win);
    expect(dialog).toMatchObject({ kind: 'save', options: { title: 'New case', filters: [{ name: 'ClaimTrail case', extensions: ['claimtrail'] }] } });
    const target = join(tempDir(), 'fresh'); // the extension is added
    dialog.answer(target);
    await d.showing('fresh.claimtrail');
    expect(existsSync(`${target}.claimtrail`)).toBe(true);
    expect(await claims(d)).toBe(0);
    expect(d.win.contents.loads.at(-1)).toBe('reload app://claimtrail/index.html');
    expect(d.si.menuItem('File', 'Open Recent', 'fresh.claimtrail').sublabel).toBe(`${target}.claimtrail`);
    expect(d.si.errorBoxes).toEqual([]);
  });

  it('New Case… onto an existing file says so and keeps the open case', async () => {
    const d = await open();
    const existing = sampleCopy('taken.claimtrail');
    d.si.clickMenu('File', 'New Case…');
    (await d.si.nextDialog()).answer(existing);
    await expect.poll(() => d.si.errorBoxes.length).toBe(1);
    expect(d.si.errorBoxes[0]!.title).toBe('ClaimTrail — New case');
    expect(d.si.errorBoxes[0]!.content).toContain('already exists');
    expect(d.win.title).toBe('sample.claimtrail — ClaimTrail');
    expect(await claims(d)).toBeGreaterThan(5);
  });

  it('Open Case… and Open Recent switch cases; the recent list follows', async () => {
    const d = await open();
    const other = sampleCopy('other.claimtrail');
    d.si.clickMenu('File', 'Open Case…');
    const dialog = await d.si.nextDialog();
    expect(dialog).toMatchObject({ kind: 'open', options: { title: 'Open case', properties: ['openFile'] } });
    dialog.answer(other);
    await d.showing('other.claimtrail');
    const r = await d.call<CaseInfo>('case.info');
    expect(r.ok && r.value.path).toBe(other);
    d.si.clickMenu('File', 'Open Recent', 'sample.claimtrail');
    await d.showing('sample.claimtrail');
    expect(d.si.menuItem('File', 'Open Recent').submenu!.map((i) => i.label)).toEqual(['sample.claimtrail', 'other.claimtrail']);
  });

  it('Save Case As… copies the open case (with what was just written) and continues in the copy', async () => {
    const d = await open();
    const made = await d.call<Claim>('claims.create', { text: 'Written just before Save As' });
    expect(made.ok).toBe(true);
    const before = await claims(d);
    d.si.clickMenu('File', 'Save Case As…');
    const dialog = await d.si.nextDialog();
    expect(dialog).toMatchObject({ kind: 'save', options: { title: 'Save case as' } });
    const copy = join(tempDir(), 'copy.claimtrail');
    dialog.answer(copy);
    await d.showing('copy.claimtrail');
    const info = await d.call<CaseInfo>('case.info');
    expect(info.ok && info.value).toMatchObject({ path: copy, counts: { claims: before } });
    const found = await d.call<{ items: { text: string }[] }>('claims.list', { text: 'Written just before' });
    expect(found.ok && found.value.items.map((c) => c.text)).toEqual(['Written just before Save As']);
  });
});

describe('a case handed to the app', () => {
  it('opens a .claimtrail named on the command line', async () => {
    const file = sampleCopy('from-argv.claimtrail');
    const d = await open({ argv: ['--no-sandbox-flag-ignored', file] });
    await d.showing('from-argv.claimtrail');
    expect(d.si.errorBoxes).toEqual([]);
  });

  it('a second launch hands its file to the running window, which comes to the front', async () => {
    const d = await open();
    const file = sampleCopy('second.claimtrail');
    d.win.minimized = true;
    d.si.secondInstance(['/opt/ClaimTrail/claimtrail', file]);
    await d.showing('second.claimtrail');
    expect(d.win.minimized).toBe(false);
    expect(d.win.focused).toBeGreaterThan(0);
    expect(d.si.windows).toHaveLength(1);
  });

  it('macOS open-file: the shell takes the file and opens it', async () => {
    const d = await open();
    const file = sampleCopy('finder.claimtrail');
    expect(d.si.openFile(file)).toBe(true);
    await d.showing('finder.claimtrail');
  });

  it('a case that fails to open: an error box naming it, then the default case', async () => {
    const broken = join(tempDir(), 'broken.claimtrail');
    writeFileSync(broken, 'this is not an SQLite database, just text in a file named like a case '.repeat(200));
    const d = await open({ argv: [broken] });
    await d.showing('sample.claimtrail');
    expect(d.si.errorBoxes).toHaveLength(1);
    expect(d.si.errorBoxes[0]!.title).toBe('ClaimTrail — Open case');
    expect(d.si.errorBoxes[0]!.content).toMatch(/\S/);
    expect(await claims(d)).toBeGreaterThan(5);
    expect(basename(d.si.menuItem('File', 'Open Recent').submenu![0]!.sublabel!)).toBe('sample.claimtrail');
  });

  it('closing the last window quits the app (Linux, Windows) and closes the case', async () => {
    const d = await open();
    d.si.closeWindow(d.win);
    expect(d.si.quitted).toBe(true);
  });

  it('macOS: the app menu comes first, closing the window keeps the app, the dock icon opens a new window', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { ...platform, value: 'darwin' });
    try {
      const d = await open();
      expect(d.si.appMenu!.items[0]!.role).toBe('appMenu');
      expect(d.si.menuItem('File').submenu!.at(-1)!.role).toBe('close');
      d.si.closeWindow(d.win);
      expect(d.si.quitted).toBe(false);
      d.si.activate();
      await expect.poll(() => d.si.windows[0]?.shown ?? false).toBe(true);
      expect(d.si.windows).toHaveLength(1);
      expect(d.win.title).toBe('sample.claimtrail — ClaimTrail');
      expect((await d.call<CaseInfo>('case.info')).ok).toBe(true);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });
});
