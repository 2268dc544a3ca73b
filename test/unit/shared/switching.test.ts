import { describe, expect, it } from 'vitest';
import {
  checkWindow,
  isFinalSwitch,
  maskAccount,
  maskName,
  readingReasonOf,
  switchKinds,
  switchStatuses,
  switchTransition,
  windowOf,
  type SwitchKind,
  type SwitchStatus,
} from '../../../shared/domain/switching';
import { READING_REASON_KINDS } from '../../../shared/cim/payloads/meterReadings';

const assigned = (kind: SwitchKind) => ({ kind, status: 'assigned' as const });

describe('customer switching state machine (issue 9)', () => {
  it('completes a move-out read inside the window, and one outside it only with a reason', () => {
    expect(switchTransition(assigned('moveOut'), { type: 'read', position: 'inWindow' })).toEqual({
      ok: true,
      status: 'completed',
      flagOnly: false,
    });
    const late = switchTransition(assigned('moveOut'), { type: 'read', position: 'late' });
    expect(late).toMatchObject({
      ok: false,
      outOfWindow: true,
      reason: expect.stringMatching(/after the switch window.*reason/) as unknown,
    });
    expect(switchTransition(assigned('moveIn'), { type: 'read', position: 'early', outOfWindowReason: '  ' })).toMatchObject({ ok: false });
    expect(
      switchTransition(assigned('moveIn'), { type: 'read', position: 'early', outOfWindowReason: 'customer away on the date' }),
    ).toMatchObject({ ok: true, status: 'completed' });
  });

  it('asks the enterprise to estimate when a reading kind could not be read, only with a reason', () => {
    expect(switchTransition(assigned('supplierChange'), { type: 'notRead', reason: 'noAccess' })).toMatchObject({
      ok: true,
      status: 'estimateRequested',
    });
    expect(switchTransition(assigned('supplierChange'), { type: 'notRead', reason: ' ' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/estimate/) as unknown,
    });
  });

  it('keeps reading events and control events to their kinds', () => {
    expect(switchTransition(assigned('disconnect'), { type: 'read', position: 'inWindow' })).toMatchObject({ ok: false });
    expect(switchTransition(assigned('reconnect'), { type: 'notRead', reason: 'noAccess' })).toMatchObject({ ok: false });
    expect(
      switchTransition(assigned('moveIn'), { type: 'control', outcome: 'done', action: 'localSwitch', position: 'inWindow' }),
    ).toMatchObject({ ok: false });
  });

  it('records a disconnect outcome: done needs how it was switched and a working switch; the others are unable to complete', () => {
    const done = { type: 'control', outcome: 'done', position: 'inWindow' } as const;
    expect(switchTransition(assigned('disconnect'), { ...done, action: 'localSwitch' })).toMatchObject({ ok: true, status: 'completed' });
    expect(switchTransition(assigned('disconnect'), { ...done, action: 'meterSwitch', controlResult: 'succeeded' })).toMatchObject({
      ok: true,
      status: 'completed',
    });
    expect(switchTransition(assigned('disconnect'), { ...done, action: 'meterSwitch' })).toMatchObject({ ok: false });
    expect(switchTransition(assigned('disconnect'), { ...done, action: 'meterSwitch', controlResult: 'failed' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/failed/) as unknown,
    });
    expect(switchTransition(assigned('reconnect'), { ...done, action: 'none' })).toMatchObject({ ok: false });
    expect(switchTransition(assigned('reconnect'), { ...done, action: 'localSwitch', position: 'late' })).toMatchObject({ ok: false });
    for (const outcome of ['refusedByCustomer', 'unsafe', 'meterNotFound'] as const) {
      expect(switchTransition(assigned('disconnect'), { type: 'control', outcome, action: 'none', position: 'late' })).toMatchObject({
        ok: true,
        status: 'unableToComplete',
      });
    }
  });

  it('takes an enterprise cancel or reschedule on an open order, and only flags it on a finished one', () => {
    expect(switchTransition(assigned('moveOut'), { type: 'cancel' })).toEqual({ ok: true, status: 'cancelled', flagOnly: false });
    expect(switchTransition(assigned('moveOut'), { type: 'reschedule' })).toEqual({ ok: true, status: 'assigned', flagOnly: false });
    expect(switchTransition({ kind: 'moveOut', status: 'completed' }, { type: 'cancel' })).toEqual({
      ok: true,
      status: 'completed',
      flagOnly: true,
    });
    expect(switchTransition({ kind: 'disconnect', status: 'unableToComplete' }, { type: 'reschedule' })).toEqual({
      ok: true,
      status: 'unableToComplete',
      flagOnly: true,
    });
  });

  it.each<SwitchStatus>(['completed', 'estimateRequested', 'unableToComplete', 'cancelled'])(
    'refuses field work on the final status %s',
    (status) => {
      expect(isFinalSwitch(status)).toBe(true);
      const read = switchTransition({ kind: 'moveIn', status }, { type: 'read', position: 'inWindow' });
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.reason).toMatch(status === 'cancelled' ? /cancelled/ : /already finished/);
    },
  );

  it('has every status and kind accounted for, and a 61968-9 ReadingReasonKind for each kind', () => {
    expect(switchStatuses.filter((s) => !isFinalSwitch(s))).toEqual(['assigned']);
    for (const kind of switchKinds) expect(READING_REASON_KINDS).toContain(readingReasonOf[kind]);
  });
});

describe('switch window', () => {
  it('defaults to a day either side of the switch date, and places a time in it', () => {
    const w = windowOf('2026-12-01T09:00:00.000Z');
    expect(w).toEqual({ start: '2026-11-30T09:00:00.000Z', end: '2026-12-02T09:00:00.000Z' });
    expect(checkWindow('2026-11-30T08:59:59.000Z', w)).toBe('early');
    expect(checkWindow('2026-11-30T09:00:00.000Z', w)).toBe('inWindow');
    expect(checkWindow('2026-12-02T09:00:00.000Z', w)).toBe('inWindow');
    expect(checkWindow('2026-12-02T09:00:01.000Z', w)).toBe('late');
  });

  it('keeps the window the enterprise gave', () => {
    expect(windowOf('2026-12-01T00:00:00Z', { start: '2026-11-28T00:00:00Z', end: '2026-12-01T23:59:59Z' })).toEqual({
      start: '2026-11-28T00:00:00Z',
      end: '2026-12-01T23:59:59Z',
    });
  });
});

describe('personal data masking', () => {
  it('shows initials of a name and the last four characters of an account', () => {
    expect(maskName('  Erika  Mustermann ')).toBe('E**** M*********');
    expect(maskName('Li')).toBe('L**');
    expect(maskAccount('DE-1234-567890')).toBe('******7890');
    expect(maskAccount('4711')).toBe('****');
    expect(maskAccount('')).toBe('');
  });
});
