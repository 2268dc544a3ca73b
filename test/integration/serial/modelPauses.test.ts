/**
 * Per-model pauses (docs/METER_MODELS.md `pauses`): a model may ask for a pause after the option
 * select (`ACK 0 Z Y CR LF`, IEC 62056-21:2002 §6.3.3) before the probe changes its rate — in a
 * plain read too, not only in programming — and for pauses between the characters of programming
 * commands (inside §6.3.14 item 12's inter-character limit of 1500 ms). The waits go through the
 * injected timer and are recorded in order with the writes: no wall clock in the assertions.
 */
import { describe, expect, it } from 'vitest';
import { readMeter } from '../../../electron/services/serial/reader';
import { timeSync } from '../../../electron/services/serial/programOperations';
import type { SerialLink } from '../../../electron/services/serial/link';
import { createMemoryLinkPair, findProfile, MeterSimulator } from '../../../electron/services/serial/simulator';
import { findMeterModel, parseMeterModel, type MeterModel } from '../../../shared/iec62056';

function recordedMeter(profileName: string) {
  const profile = findProfile(profileName);
  if (!profile) throw new Error(`no profile ${profileName}`);
  const pair = createMemoryLinkPair();
  const simulator = new MeterSimulator(profile, pair.meter, { reactionScale: 0 });
  const steps: string[] = [];
  const text = (bytes: Uint8Array) => [...bytes].map((b) => (b < 0x20 ? `<${b.toString(16)}>` : String.fromCharCode(b))).join('');
  const link: SerialLink = { ...pair.app, write: (bytes) => (steps.push(`write ${text(bytes)}`), pair.app.write(bytes)) };
  const wait = (ms: number) => (steps.push(`wait ${ms}`), new Promise<void>((resolve) => setImmediate(resolve)));
  return { link, steps, wait, stop: () => simulator.stop() };
}

describe('per-model pauses', () => {
  it('a plain read waits the model pause after the option select, before the readout', async () => {
    const meter = recordedMeter('mode-c');
    const result = await readMeter({
      path: 'memory',
      openLink: async () => meter.link,
      wait: meter.wait,
      pausesFor: () => ({ afterOptionSelectMs: 350, interCharacterMs: 0 }),
    });
    meter.stop();
    expect(result.checksum).toBe('ok');
    expect(meter.steps.slice(0, 4)).toEqual(['write /?!<d><a>', 'wait 200', 'write <6>050<d><a>', 'wait 350']);
  });

  it('no pause for a meter type without a model', async () => {
    const meter = recordedMeter('mode-c');
    await readMeter({ path: 'memory', openLink: async () => meter.link, wait: meter.wait, pausesFor: () => null });
    meter.stop();
    expect(meter.steps.filter((s) => s.startsWith('wait'))).toEqual(['wait 200']);
  });

  it('programming sends each command one character at a time with the model pause between them', async () => {
    const base = findMeterModel('isk-mt')!;
    const slow: MeterModel = { ...base, name: 'isk-slow', pauses: { afterOptionSelectMs: 120, interCharacterMs: 15 } };
    const meter = recordedMeter('program-isk');
    await timeSync({
      path: 'memory',
      password: '00000000',
      modelName: 'isk-slow',
      models: [slow],
      openLink: async () => meter.link,
      wait: meter.wait,
    });
    meter.stop();
    const select = meter.steps.indexOf('write <6>051<d><a>');
    expect(meter.steps[select + 1]).toBe('wait 120');
    // The first command after the P0 operand: the reaction time, then `<SOH>R1<STX>0.9.2()<ETX>` one byte each.
    const firstCommand = meter.steps.findIndex((s, i) => i > select + 1 && s === 'write <1>');
    expect(meter.steps.slice(firstCommand, firstCommand + 5)).toEqual(['write <1>', 'wait 15', 'write P', 'wait 15', 'write 1']);
    expect(
      meter.steps.filter(
        (s) => s.startsWith('write ') && s.length > 'write <1>'.length && !s.startsWith('write /?') && !s.startsWith('write <6>'),
      ),
    ).toEqual([]);
  });

  it('the model file reads both pauses and refuses an inter-character pause near the 1500 ms limit', () => {
    const file = {
      format: 'fieldmeter-meter-model/1',
      name: 'x',
      description: 'x',
      source: 'x',
      password: { command: 'P1', algorithm: 'clear' },
      clock: { date: { address: '0.9.2', format: 'YYMMDD' }, time: { address: '0.9.1', format: 'hhmmss' }, timeBasis: 'utc' },
      demandReset: null,
      serialRegister: 'C.1.0',
    };
    expect(parseMeterModel({ ...file, pauses: { afterOptionSelectMs: 300, interCharacterMs: 20 } })).toMatchObject({
      ok: true,
      model: { pauses: { afterOptionSelectMs: 300, interCharacterMs: 20 } },
    });
    expect(parseMeterModel(file)).toMatchObject({ ok: true, model: { pauses: { afterOptionSelectMs: 0, interCharacterMs: 0 } } });
    expect(parseMeterModel({ ...file, pauses: { interCharacterMs: 1400 } })).toMatchObject({ ok: false, field: 'pauses.interCharacterMs' });
  });
});
