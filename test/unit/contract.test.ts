import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventNames, ipcChannel, isMethodName, methodNames, methods } from '../../shared/contract/api';
import { add } from '../../shared/domain/decimal';
import { startFieldmeter } from '../../electron/services/fieldmeter';
import { useTempDir } from '../support/tempDir';
import { signInAs } from '../support/profiles';

describe('the API contract', () => {
  const tempDir = useTempDir();

  it('gives every method and event its own channel', () => {
    const channels = [...methodNames, ...eventNames].map(ipcChannel);
    expect(new Set(channels).size).toBe(channels.length);
    expect(channels.every((c) => c.startsWith('fieldmeter:'))).toBe(true);
  });

  it('recognises only contract names, not inherited object keys', () => {
    expect(isMethodName('readings.save')).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor', 'readings.delete', 42, null]) expect(isMethodName(name)).toBe(false);
  });

  it('refuses unknown keys in every input (no smuggled fields)', () => {
    for (const name of methodNames) {
      const result = methods[name].input.safeParse({ unexpectedField: 1 });
      expect(result.success, name).toBe(false);
    }
  });

  it('has a handler on the Node side for every method, and nothing else', () => {
    const app = startFieldmeter({ databasePath: join(tempDir(), 'fieldmeter.db'), host: 'web' });
    expect(Object.keys(app.handlers).sort()).toEqual([...methodNames].sort());
    app.close();
  });

  it('produces outputs that match the output schemas on a real store', async () => {
    const app = startFieldmeter({ databasePath: join(tempDir(), 'fieldmeter.db'), host: 'web' });
    await signInAs(app, 'technician');
    const check = async <T>(name: keyof typeof methods, input: unknown): Promise<T> => {
      const parsedInput = methods[name].input.parse(input);
      const value = await (app.handlers[name] as (i: unknown) => unknown)(parsedInput);
      return methods[name].output.parse(value) as T;
    };
    await check('app.info', {});
    await check('demo.load', {});
    const [route] = await check<{ id: string }[]>('routes.list', {});
    const [first] = await check<{ usagePointId: string }[]>('meters.list', { routeId: route!.id });
    const meter = await check<{ registers: { id: number; lastValue: string | null }[] }>('meters.get', {
      usagePointId: first!.usagePointId,
    });
    await check('readings.save', {
      usagePointId: first!.usagePointId,
      values: meter.registers.map((r) => ({
        registerId: r.id,
        value: add(r.lastValue ?? '0', '1'),
        confirmation: { method: 'reason', reason: 'Checked the meter twice' },
      })),
    });
    expect(await check<unknown[]>('readings.list', {})).toHaveLength(meter.registers.length);
    expect(await check('settings.setLocale', { locale: 'de' })).toEqual({ locale: 'de' });
    expect(await check('app.info', {})).toMatchObject({ locale: 'de', firstRun: false });
    app.close();
  });
});
