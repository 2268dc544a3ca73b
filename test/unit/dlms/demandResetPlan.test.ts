/**
 * The DLMS demand reset plan and the model field it follows (shared/dlms/demandResetPlan,
 * shared/iec62056/dlmsDemandReset), answered by the simulator's demand objects: nothing is sent
 * to a meter whose serial is not the expected one, and the model file's field is checked.
 */
import { describe, expect, it } from 'vitest';
import type { CosemRequest, CosemResponse } from '../../../shared/dlms/cosemRequest';
import { octets } from '../../../shared/dlms/dataTypes';
import { demandResetPlan, type DemandResetOutcome } from '../../../shared/dlms/demandResetPlan';
import { SERIAL_NUMBER, ln } from '../../../shared/dlms/meterReadPlan';
import { DemandObjects } from '../../../shared/dlms/simulator/demandObjects';
import { parseDlmsDemandReset, type DlmsDemandReset } from '../../../shared/iec62056/dlmsDemandReset';

const script: DlmsDemandReset = {
  method: 'scriptExecute',
  script: '0-0:10.0.1.255',
  scriptId: 1,
  demandRegisters: [{ classId: 4, obis: '1-0:1.6.0.255' }],
  resetCounter: '1-0:0.1.0.255',
};

function run(reset: DlmsDemandReset | null, serial: string, expected: string) {
  const meter = new DemandObjects(() => Date.UTC(2026, 11, 7));
  const outcome: { value: DemandResetOutcome | null } = { value: null };
  const plan = demandResetPlan(
    () => reset,
    (seen) => seen === expected,
    outcome,
  );
  const sent: CosemRequest[] = [];
  const answer = (request: CosemRequest): CosemResponse => {
    sent.push(request);
    const ref = request.reference;
    if (request.kind === 'action') {
      const result = meter.action(ref, request.parameters) ?? 4;
      return result === 0 ? { request, at: 0, ok: true, value: null } : { request, at: 0, ok: false, accessResult: result };
    }
    const isSerial = ln(SERIAL_NUMBER).every((b, i) => ref.logicalName[i] === b);
    const got = isSerial ? { ok: true as const, value: octets(new TextEncoder().encode(serial)) } : meter.get(ref);
    return got?.ok ? { request, at: 0, ok: true, value: got.value } : { request, at: 0, ok: false, accessResult: 4 };
  };
  for (let step = plan.next(); !step.done;) step = plan.next(answer(step.value));
  return { outcome: outcome.value, sent, meter };
}

describe('the DLMS demand reset plan', () => {
  it('executes the model’s script after the serial matched, and sees the counter rise and the demand at zero', () => {
    const { outcome, sent, meter } = run(script, '12345678', '12345678');
    expect(outcome).toMatchObject({
      step: 'done',
      verification: 'verified',
      before: { demand: [{ obis: '1-0:1.6.0.255', value: '4312', unit: 'W' }], resetCounter: '17' },
      after: { demand: [{ value: '0' }], resetCounter: '18' },
    });
    expect(sent.filter((r) => r.kind === 'action')).toHaveLength(1);
    expect(meter.invoked).toEqual(['execute 0-0:10.0.1.255 #1']);
  });

  it('sends nothing past the serial to another meter, and nothing at all without a model reset', () => {
    const other = run(script, '99999999', '12345678');
    expect(other.outcome).toEqual({ step: 'serialMismatch', observed: '99999999' });
    expect(other.sent).toHaveLength(1);
    const none = run(null, '12345678', '12345678');
    expect(none.outcome).toEqual({ step: 'notConfigured' });
    expect(none.sent).toHaveLength(0);
  });

  it('reports a reset the meter acknowledged but did not do', () => {
    const meterAnswers = run({ ...script, scriptId: 2 }, '1', '1');
    expect(meterAnswers.outcome).toMatchObject({ step: 'refused', accessResult: 4 });
  });
});

describe('the model file’s dlmsDemandReset', () => {
  it('takes either Blue Book way and refuses what is not one', () => {
    expect(parseDlmsDemandReset(script)).toEqual({ ok: true, value: script });
    expect(parseDlmsDemandReset({ ...script, method: 'demandRegisterReset' })).toMatchObject({
      ok: false,
      field: 'dlmsDemandReset.demandRegisters[0].classId',
    });
    expect(parseDlmsDemandReset({ ...script, scriptId: 0 })).toMatchObject({ ok: false, field: 'dlmsDemandReset.scriptId' });
    expect(parseDlmsDemandReset({ ...script, script: '0.0.10.0.1.255' })).toMatchObject({ ok: false, field: 'dlmsDemandReset.script' });
    expect(parseDlmsDemandReset({ ...script, demandRegisters: [] })).toMatchObject({ ok: false });
  });
});
