/**
 * Training never touches the user's own database (issue 17): `--demo` and `demo seed` without
 * --db use a training folder of their own, which `demo reset` deletes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDatabasePath } from '../../electron/services/paths';
import { fieldmeter } from '../support/cli';
import { useTempDir } from '../support/tempDir';

describe('training data', () => {
  const tempDir = useTempDir();

  it('resolves --demo without --db to the training folder; --db and FIELDMETER_DB still win', () => {
    const env = { XDG_CONFIG_HOME: '/home/x/.config' };
    expect(resolveDatabasePath(undefined, env, undefined, { training: true })).toBe('/home/x/.config/Fieldmeter/training/fieldmeter.db');
    expect(resolveDatabasePath(undefined, env)).toBe('/home/x/.config/Fieldmeter/fieldmeter.db');
    expect(resolveDatabasePath('/d/own.db', env, undefined, { training: true })).toBe('/d/own.db');
    expect(resolveDatabasePath(undefined, { ...env, FIELDMETER_DB: '/d/env.db' }, undefined, { training: true })).toBe('/d/env.db');
  });

  it('demo seed without --db fills the training database, demo reset removes it, the own database stays byte for byte', async () => {
    const home = tempDir();
    const env = { XDG_CONFIG_HOME: home, FIELDMETER_DB: undefined, FIELDMETER_USER: undefined, FIELDMETER_PIN: undefined };
    const own = join(home, 'Fieldmeter', 'fieldmeter.db');
    expect((await fieldmeter(['db', 'migrate'], env)).code).toBe(0);
    const before = readFileSync(own);
    const seeded = await fieldmeter(['demo', 'seed'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    const training = join(home, 'Fieldmeter', 'training', 'fieldmeter.db');
    expect(seeded.stdout).toContain(`Database: ${training}`);
    expect(seeded.stdout).toContain('Training profile: Tina Technician (technician), PIN 111111');
    expect(existsSync(training)).toBe(true);
    const reset = await fieldmeter(['demo', 'reset', '--json'], env);
    expect(JSON.parse(reset.stdout)).toEqual({ folder: join(home, 'Fieldmeter', 'training'), removed: true });
    expect(existsSync(training)).toBe(false);
    expect(readFileSync(own).equals(before)).toBe(true);
  }, 120_000);
});
