/**
 * A failed read or programming session is said by the probe's own failure code — what happened and
 * what to try — in both languages, with the serials where the meter was the wrong one; the generic
 * "did not finish (CODE)" is only for a code this build has no words for.
 */
import { describe, expect, it } from 'vitest';
import { opticalErrorCodes } from '../../electron/services/serial/errors';
import { errorWordsDe } from '../../shared/i18n/errorWords.de';
import { errorWordsEn } from '../../shared/i18n/errorWords.en';
import { sayError, wordsAt } from '../../shared/i18n/errorKey';
import { orderActions, orderKinds, orderRefusals, orderStatuses } from '../../shared/domain/orderRefusal';

const mismatch = {
  code: 'OPTICAL_PROGRAM_FAILED',
  details: {
    reason: 'programFailed',
    code: 'SERIAL_MISMATCH',
    wroteToMeter: false,
    messageId: null,
    observedSerial: '12345678',
    expectedSerial: 'E3100002',
  },
};

describe('probe failure words', () => {
  it('has words for every probe failure code in English and German', () => {
    for (const code of opticalErrorCodes) {
      expect(errorWordsEn.probe, code).toHaveProperty(code);
      expect(errorWordsDe.probe, code).toHaveProperty(code);
    }
  });

  it('says a serial mismatch with both serials and that the meter was not changed', () => {
    expect(sayError(errorWordsEn, mismatch)).toBe(
      'The meter at the probe reports serial 12345678, not E3100002: nothing was written. Check that the probe is on the right meter; if it is, confirm to program this meter. Nothing was changed on the meter.',
    );
    expect(sayError(errorWordsDe, mismatch)).toMatch(
      /^Der Zähler am Lesekopf meldet die Nummer 12345678, nicht E3100002.*Am Zähler wurde nichts geändert\.$/,
    );
    const silent = { ...mismatch, details: { ...mismatch.details, observedSerial: null } };
    expect(sayError(errorWordsEn, silent)).toMatch(/does not say its serial, so it cannot be checked to be E3100002/);
  });

  it('says a read failure by its code, and falls back to the reason for a code without words', () => {
    expect(
      sayError(errorWordsDe, { code: 'OPTICAL_READ_FAILED', details: { reason: 'probe', code: 'NO_RESPONSE', diagnostic: null } }),
    ).toBe(errorWordsDe.probe.NO_RESPONSE);
    expect(
      sayError(errorWordsEn, {
        code: 'OPTICAL_PROGRAM_FAILED',
        details: { reason: 'programFailed', code: 'SOMETHING_NEW', wroteToMeter: true, messageId: null },
      }),
    ).toBe('Programming the meter did not finish (SOMETHING_NEW).');
  });
});

describe('refusals of an order’s state', () => {
  it('says the state machine’s own refusal, in both languages, for every refusal it can give', async () => {
    const { switchTransition } = await import('../../shared/domain/switching');
    const failed = switchTransition(
      { kind: 'disconnect', status: 'assigned' },
      { type: 'control', outcome: 'done', action: 'meterSwitch', controlResult: 'failed', position: 'inWindow' },
    );
    expect(failed).toMatchObject({ ok: false, refusal: 'meterSwitchFailed' });
    const error = {
      code: 'VALIDATION',
      details: { reason: 'statusRefuses', status: 'assigned', refusal: failed.ok ? '' : failed.refusal },
    };
    expect(sayError(errorWordsEn, error)).toBe(errorWordsEn.refusal.meterSwitchFailed);
    expect(sayError(errorWordsDe, error)).toMatch(/^Der Schalter des Zählers hat nicht geschaltet/);
    // Every refusal either machine can give (the list is checked against both machines' types).
    const refusals = orderRefusals;
    for (const r of refusals) {
      expect(errorWordsEn.refusal, r).toHaveProperty(r);
      expect(errorWordsDe.refusal, r).toHaveProperty(r);
    }
  });

  it('a refusal by the state names the action asked and the state, in plain words, in both languages', () => {
    const completed = {
      code: 'VALIDATION',
      details: { reason: 'statusRefuses', order: 'workOrder', status: 'completed', action: 'complete', refusal: 'orderCompleted' },
    };
    expect(sayError(errorWordsEn, completed)).toBe('You asked to complete it, but this work order is already completed. Reload the order.');
    expect(sayError(errorWordsDe, completed)).toBe(
      'Sie wollten ihn abschließen, aber dieser Arbeitsauftrag ist bereits abgeschlossen. Laden Sie den Auftrag neu.',
    );
    const cancelled = {
      code: 'VALIDATION',
      details: { reason: 'statusRefuses', order: 'switchOrder', status: 'cancelled', action: 'read', refusal: 'switchCancelled' },
    };
    expect(sayError(errorWordsEn, cancelled)).toBe(
      'You asked to record its reading, but this switch order is cancelled by the office. Reload the order. ' +
        errorWordsEn.refusalAdvice.switchCancelled,
    );
    for (const words of [errorWordsEn, errorWordsDe]) {
      for (const status of orderStatuses) expect(wordsAt(words, `state.${status}`), status).toBeTruthy();
      for (const action of orderActions) expect(wordsAt(words, `action.${action}`), action).toBeTruthy();
      for (const order of orderKinds) expect(wordsAt(words, `order.${order}`), order).toBeTruthy();
    }
  });
});
