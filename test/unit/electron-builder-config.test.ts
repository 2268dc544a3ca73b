/**
 * Packaging cannot run here (electron-builder downloads Electron), so the config is checked
 * as data and the afterPack hook is run for real against a file laid out like an Electron
 * binary's fuse wire: @electron/fuses flips it and reads it back.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';

// Fuse states in Electron's wire are ASCII digits.
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;

const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: string[];
  asar?: boolean;
  asarUnpack?: string[];
  npmRebuild?: boolean;
  afterPack?: string;
  linux?: { target?: string[] };
  win?: { target?: string[] };
  mac?: { target?: string[] };
}

interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { executableName: string; appInfo: { productFilename: string } };
}
type AfterPack = ((context: PackContext) => Promise<void>) & {
  fuseSettings: Readonly<Record<string, boolean>>;
  electronBinary: (context: PackContext) => string;
};

const config: BuilderConfig = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));

describe('electron-builder.yml', () => {
  it('names the product and ships only the build output', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('Fieldmeter');
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
  });

  it('unpacks native bindings from the asar', () => {
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('builds AppImage and deb, nsis and dmg', () => {
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('has an afterPack hook that exists', () => {
    expect(config.afterPack).toBeDefined();
    expect(existsSync(join(root, config.afterPack ?? ''))).toBe(true);
  });
});

describe('afterPack fuses', () => {
  const afterPack: AfterPack = require(join(root, config.afterPack ?? 'missing'));
  const expected: Record<keyof typeof FuseV1Options & string, boolean | undefined> = {
    RunAsNode: false,
    EnableCookieEncryption: true,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    EnableEmbeddedAsarIntegrityValidation: true,
    OnlyLoadAppFromAsar: true,
    GrantFileProtocolExtraPrivileges: false,
    LoadBrowserProcessSpecificV8Snapshot: undefined,
  };
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const context = (appOutDir: string, electronPlatformName: string): PackContext => ({
    appOutDir,
    electronPlatformName,
    arch: 1,
    packager: { executableName: 'fieldmeter', appInfo: { productFilename: 'Fieldmeter' } },
  });

  it('declares exactly the fuses we decided on', () => {
    const declared = Object.fromEntries(Object.entries(expected).filter(([, value]) => value !== undefined));
    expect(afterPack.fuseSettings).toEqual(declared);
  });

  it('finds the Electron executable on each platform', () => {
    expect(afterPack.electronBinary(context('/o', 'linux'))).toBe(join('/o', 'fieldmeter'));
    expect(afterPack.electronBinary(context('/o', 'win32'))).toBe(join('/o', 'Fieldmeter.exe'));
    expect(afterPack.electronBinary(context('/o', 'darwin'))).toBe(join('/o', 'Fieldmeter.app'));
  });

  it('flips the fuses in the packaged binary', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fieldmeter-fuses-'));
    // A binary's fuse wire: sentinel, version 1, length, then one state byte per fuse (all on).
    const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    const fuseCount = Object.keys(expected).length;
    const wire = Buffer.concat([
      Buffer.from('\x7fELF...code before the wire...'),
      Buffer.from(sentinel),
      Buffer.from([1, fuseCount]),
      Buffer.alloc(fuseCount, FuseState.ENABLE),
      Buffer.from('...code after the wire'),
    ]);
    const binary = join(dir, 'fieldmeter');
    writeFileSync(binary, wire);

    await afterPack(context(dir, 'linux'));

    const current = await getCurrentFuseWire(binary);
    for (const [name, value] of Object.entries(expected)) {
      const index = FuseV1Options[name as keyof typeof FuseV1Options];
      const state = value === undefined ? FuseState.ENABLE : value ? FuseState.ENABLE : FuseState.DISABLE;
      expect(current[index], name).toBe(state);
    }
    expect(readFileSync(binary).length).toBe(wire.length);
  });
});
