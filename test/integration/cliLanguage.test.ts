/**
 * The command line speaks the catalogs' words (issue 16 §3): under LANG=de (or FIELDMETER_LANG=de)
 * an error and a success line are German, with no English sentence under them; the developer
 * message comes only with --verbose.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiBytes, concatBytes } from '../../shared/iec62056';
import { fieldmeterInProcess } from '../support/cli';
import { block, modeCData } from '../unit/iec62056/fixtures';
import { csv, row } from '../support/routeCsv';
import { useTempDir } from '../support/tempDir';
import { scaled } from '../support/timeouts';

const german = { LANG: 'de_DE.UTF-8', FIELDMETER_LANG: undefined, FIELDMETER_LOG: 'silent' };

describe(
  'the CLI in the user’s language',
  () => {
    const tempDir = useTempDir();

    it('says an error in German without the English developer line; --verbose adds it', async () => {
      const dir = tempDir();
      const missing = join(dir, 'missing.csv');
      const plain = await fieldmeterInProcess(['import', 'route', missing, '--db', join(dir, 'a.db')], german);
      expect(plain.code).toBe(1);
      expect(plain.stderr.trim()).toBe(`Fehler: ${missing} kann nicht gelesen werden.`);
      expect(plain.stderr).not.toMatch(/Cannot read|ENOENT/);

      const verbose = await fieldmeterInProcess(['import', 'route', missing, '--db', join(dir, 'a.db'), '--verbose'], german);
      expect(verbose.stderr).toContain(`Cannot read ${missing}: ENOENT`);
    });

    it('says bad usage of an option from the catalog, with exit code 2', async () => {
      const dir = tempDir();
      const run = await fieldmeterInProcess(['readings', 'history', '--limit', '0', '--db', join(dir, 'a.db')], german);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe('Fehler: Die Option --limit ist ungültig. Siehe --help.');
    });

    it('says what an import did in German (FIELDMETER_LANG wins over LANG); --json stays as it is', async () => {
      const dir = tempDir();
      const file = join(dir, 'route.csv');
      writeFileSync(file, csv(row(), row({ seq: '20', up: 'UP-2', serial: 'E200' })));
      const env = { LANG: 'en_GB.UTF-8', FIELDMETER_LANG: 'de', FIELDMETER_LOG: 'silent' };
      const imported = await fieldmeterInProcess(['import', 'route', file, '--db', join(dir, 'a.db')], env);
      expect(imported.code).toBe(0);
      expect(imported.stdout.trim()).toBe('2 Zähler (2 Register) auf Route(n) R1 importiert.');

      const json = await fieldmeterInProcess(['import', 'route', file, '--db', join(dir, 'b.db'), '--json'], env);
      expect(JSON.parse(json.stdout)).toMatchObject({ usagePoints: 2, registers: 2, routes: ['R1'] });
    });

    it('says the database migration and an empty list in German', async () => {
      const dir = tempDir();
      const db = join(dir, 'a.db');
      const migrated = await fieldmeterInProcess(['db', 'migrate', '--db', db], german);
      expect(migrated.stdout).toMatch(/^Die Datenbank .* hat den Schemastand \d+\./);
      const listed = await fieldmeterInProcess(['readings', 'list', '--db', db], german);
      expect(listed.stdout.trim()).toBe('Nichts aufzulisten.');
    });

    it('says a PAN label check, the audit log and an empty profile list in German', async () => {
      // Vector: Silicon Labs AN1089 §3 (as test/integration/pan/cli-pan.test.ts).
      const label = ['pan', 'check', '--eui64', '000D6F000ABCDEF0', '--install-code', '83FED3407A939723A5C639B26916D505C3B5'];
      const pan = await fieldmeterInProcess(label, german);
      expect(pan.stdout.trim()).toBe('Gültig. EUI-64 000D6F000ABCDEF0, CRC C3B5, Link-Schlüssel 66B6900981E1EE3CA4206B6B861C02BB');

      const db = join(tempDir(), 'a.db');
      await fieldmeterInProcess(['db', 'migrate', '--db', db], german);
      const audit = await fieldmeterInProcess(['audit', 'verify', '--db', db], german);
      expect(audit.code).toBe(0);
      expect(audit.stdout).toMatch(/^Das Prüfprotokoll ist unversehrt: \d+ Zeilen/);
      expect(audit.stdout).not.toContain('audit log holds');
      const profiles = await fieldmeterInProcess(['profile', 'list', '--db', db], german);
      expect(profiles.stdout.trim()).toBe('Noch keine Profile.');
    });

    it('says what a parsed optical readout holds in German', async () => {
      const path = join(tempDir(), 'c.bin');
      writeFileSync(path, concatBytes(asciiBytes('/?!\r\n/ISK5MT174-0001\r\n\x06050\r\n'), block(modeCData)));
      const parsed = await fieldmeterInProcess(['readout', 'parse', path], german);
      expect(parsed.code).toBe(0);
      const [meter, checksum] = parsed.stdout.split('\n');
      expect(meter).toBe('Zähler ISK MT174-0001 (Baudzeichen 5)');
      expect(checksum).toMatch(/^Prüfsumme: ok\. \d+ Datensätze\.$/);
      expect(parsed.stdout).toContain('1.8.0');
      expect(parsed.stdout).not.toMatch(/Meter |Checksum|data sets/);
    });
  },
  scaled(30_000),
);
