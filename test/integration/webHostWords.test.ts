/**
 * What the web host prints for the person who started it from a terminal is in the terminal's language
 * (FIELDMETER_LANG, else LANG; electron/host/web/hostWords.ts): the address to open, the training profiles, and
 * why it could not start, said from the error's code. The address keeps its form in every language, which is how
 * the end-to-end fixtures and the benches find it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { scaled } from '../support/timeouts';
import { useTempDir } from '../support/tempDir';

const root = resolve(import.meta.dirname, '..', '..');
const hostScript = join(root, 'scripts', 'web-host.mjs');
const ADDRESS = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/;

/** Starts the host, collects its lines up to the one with the address, and stops it. */
async function linesUntilAddress(args: string[], lang: string): Promise<string[]> {
  const child = spawn(process.execPath, [hostScript, ...args], {
    cwd: root,
    env: { ...process.env, FIELDMETER_LANG: lang, FIELDMETER_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  try {
    return await new Promise<string[]>((resolvePromise, reject) => {
      const lines: string[] = [];
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        if (ADDRESS.test(line)) resolvePromise(lines);
      });
      child.once('exit', (code) => reject(new Error(`the host ended (${code}) before its address: ${stderr}`)));
    });
  } finally {
    child.kill('SIGKILL');
  }
}

describe("the web host's terminal lines", () => {
  const tempDir = useTempDir();
  const renderer = () => {
    const dir = join(tempDir(), 'renderer');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Fieldmeter</title>');
    return dir;
  };

  it(
    'in German: the training profiles with their roles in words, the training database, and the address to open',
    async () => {
      const db = join(tempDir(), 'training.db');
      const lines = await linesUntilAddress(['--db', db, '--demo', '--renderer', renderer()], 'de');
      expect(lines).toContain('Schulungsprofil: Sam Supervisor (Disponent), PIN 333333');
      expect(lines).toContain(`Schulungsdatenbank: ${db} (zurücksetzen mit: fieldmeter demo reset)`);
      expect(lines.at(-1)).toMatch(/^Fieldmeter läuft unter http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/);
      expect(lines.join('\n')).not.toMatch(/Training|running at/);
    },
    scaled(30_000),
  );

  it(
    'in English as before',
    async () => {
      const lines = await linesUntilAddress(['--db', join(tempDir(), 'a.db'), '--renderer', renderer()], 'en');
      expect(lines.at(-1)).toMatch(/^Fieldmeter is running at http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/);
    },
    scaled(30_000),
  );

  it(
    'why it could not start, in German from the error code: a damaged database file, and screens not built',
    () => {
      const dir = tempDir();
      const damaged = join(dir, 'damaged.db');
      writeFileSync(damaged, 'not a database at all '.repeat(20));
      const env = { ...process.env, FIELDMETER_LANG: 'de', FIELDMETER_LOG: 'silent' };
      const refused = spawnSync(process.execPath, [hostScript, '--db', damaged, '--renderer', renderer()], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: scaled(30_000),
      });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/^Fieldmeter konnte nicht starten: Die Datenbankdatei ist beschädigt\./);
      // The store's own reason stays for support, beneath and labelled, with the file it refused.
      expect(refused.stderr).toMatch(/\nTechnische Angabe \(für den Support\): .*damaged\.db/);

      const unbuilt = spawnSync(process.execPath, [hostScript, '--db', join(dir, 'b.db'), '--renderer', join(dir, 'none')], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: scaled(30_000),
      });
      expect(unbuilt.status).toBe(1);
      expect(unbuilt.stderr).toContain(`Die Bildschirme sind nicht gebaut (${join(dir, 'none')}/index.html fehlt).`);
    },
    scaled(60_000),
  );
});
