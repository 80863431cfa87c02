import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYaml } from './yaml';

interface BuilderConfig {
  electronFuses: Record<string, boolean>;
  asar: boolean;
  asarUnpack: string[];
  productName: string;
  appId: string;
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  fileAssociations: Record<string, string>[];
  files: string[];
  extraMetadata: { main: string };
}

const config = parseYaml(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as unknown as BuilderConfig;

describe('electron-builder.yml', () => {
  it('sets the fuses: no RunAsNode, app only from an integrity-checked asar, no NODE_OPTIONS or inspector', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs into asar with native modules unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('names the app, its targets and the .claimtrail association', () => {
    expect(config.productName).toBe('ClaimTrail');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.fileAssociations[0]).toMatchObject({ ext: 'claimtrail', name: 'ClaimTrail case' });
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json']));
    expect(config.extraMetadata.main).toBe('dist/electron/main/index.js');
  });

  it('the tiny YAML reader reads what it claims to', () => {
    expect(parseYaml('a: 1\nb:\n  c: true\n  d:\n    - x\n    - "y"\ne:\n  - k: v\n    l: w\n')).toEqual({
      a: '1',
      b: { c: true, d: ['x', 'y'] },
      e: [{ k: 'v', l: 'w' }],
    });
  });
});
