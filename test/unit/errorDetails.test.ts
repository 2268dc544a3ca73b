/**
 * Coded errors (issue 16 §3): every reason of every code has words in both catalogs, and an error
 * whose details do not fit its code's schema does not leave the Node side as if it did.
 */
import { describe, expect, it } from 'vitest';
import { errorDetailSchemas, errorReasons } from '../../shared/contract/errorDetails';
import { AppError, errorCodes } from '../../shared/contract/result';
import { mbusReasons } from '../../shared/mbus/reasons';
import { errorWordsDe } from '../../shared/i18n/errorWords.de';
import { errorWordsEn } from '../../shared/i18n/errorWords.en';
import { sayError, wordsAt } from '../../shared/i18n/errorKey';
import { checkedShape, dispatch } from '../../electron/host/dispatch';
import type { Handlers } from '../../shared/contract/handlers';

const everyReason = Object.entries(errorReasons).flatMap(([code, reasons]) => Object.keys(reasons).map((reason) => ({ code, reason })));

describe('error reasons and their words', () => {
  it.each(everyReason)('$code/$reason has English and German words', ({ reason }) => {
    const keys = reason === 'telegram' ? mbusReasons.map((r) => `reason.${r}`) : [`reason.${reason}`];
    for (const key of keys) {
      expect(wordsAt(errorWordsEn, key), `en ${key}`).toBeTruthy();
      expect(wordsAt(errorWordsDe, key), `de ${key}`).toBeTruthy();
    }
  });

  it('every code has words of its own and a details schema', () => {
    for (const code of errorCodes) {
      expect(errorWordsEn.code[code]).toBeTruthy();
      expect(errorWordsDe.code[code]).toBeTruthy();
      expect(errorDetailSchemas[code]).toBeDefined();
    }
  });

  it('the CLI says an error from its code and details, with the fields filled in, in either language', () => {
    const error = new AppError('NOT_FOUND', 'Cannot read /tmp/x.csv: ENOENT', {
      reason: 'fileUnreadable',
      file: '/tmp/x.csv',
      errno: 'ENOENT',
    });
    expect(sayError(errorWordsEn, error)).toBe('/tmp/x.csv cannot be read.');
    expect(sayError(errorWordsDe, error)).toBe('/tmp/x.csv kann nicht gelesen werden.');
    expect(sayError(errorWordsEn, new AppError('DISK_FULL', 'ENOSPC'))).toBe(errorWordsEn.code.DISK_FULL);
    expect(sayError(errorWordsEn, new AppError('VALIDATION', 'x', { reason: 'telegram', telegram: 'mbus.crc' }))).toBe(
      errorWordsEn.reason.mbus.crc,
    );
  });
});

describe('reasons that name what the user needs to know', () => {
  it.each([
    [new AppError('VALIDATION', 'x', { reason: 'meterNotExpected', expected: 'E100' }), 'E100'],
    [new AppError('VALIDATION', 'x', { reason: 'meterAlreadyHere', installed: 'E200' }), 'E200'],
    [new AppError('VALIDATION', 'x', { reason: 'orderForOtherUsagePoint', usagePointId: 'UP-1001' }), 'UP-1001'],
    [new AppError('VALIDATION', 'x', { reason: 'schemaFolderTooLarge', limit: 2000 }), '2000'],
    [new AppError('BAD_REQUEST', 'x', { reason: 'bodyTooLarge', limitMb: 25 }), '25 MB'],
    [new AppError('BAD_REQUEST', 'x', { reason: 'tooManyStreams', limit: 16 }), '16'],
  ])('%# names it in both languages', (error, named) => {
    expect(sayError(errorWordsEn, error)).toContain(named);
    expect(sayError(errorWordsDe, error)).toContain(named);
  });
});

describe('details checked against their code at the boundary', () => {
  it('details that fit pass unchanged', () => {
    const error = new AppError('VALIDATION', 'Register 7 was given twice.', { reason: 'registerTwice' });
    expect(checkedShape('readings.save', error)).toEqual({ ...error.toShape(), logId: expect.stringMatching(/^[0-9a-f]{8}$/) as unknown });
  });

  it("the developer's sentence never leaves: code, details and the log entry's id only", async () => {
    const error = new AppError('VALIDATION', 'Register 7 was given twice.', { reason: 'registerTwice' });
    const handlers = { 'session.get': () => Promise.reject(error) } as unknown as Handlers;
    const result = await dispatch(handlers, 'session.get', {});
    expect(result.ok ? null : Object.keys(result.error).sort()).toEqual(['code', 'details', 'logId']);
    expect(JSON.stringify(result)).not.toContain('given twice');
    const malformed = await dispatch(handlers, 'session.get', 'not an object');
    expect(malformed).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', details: { reason: 'malformed', method: 'session.get' } } });
    expect(JSON.stringify(malformed)).not.toMatch(/malformed:|expected/i);
    const unknown = await dispatch(handlers, 'no.such.method', {});
    expect(unknown.ok ? null : Object.keys(unknown.error).sort()).toEqual(['code', 'logId']);
  });

  it.each([
    ['an unknown reason', new AppError('VALIDATION', 'x', { reason: 'noSuchReason' } as never)],
    ['a reason of another code', new AppError('NOT_FOUND', 'x', { reason: 'registerTwice' } as never)],
    ['a missing field', new AppError('TOO_LARGE', 'x', { reason: 'photoTooLarge' } as never)],
    ['no details where the code needs them', new AppError('VALIDATION', 'x', undefined as never)],
  ])('%s becomes INTERNAL, through dispatch too', async (_what, error) => {
    expect(checkedShape('m', error).code).toBe('INTERNAL');
    const handlers = { 'session.get': () => Promise.reject(error) } as unknown as Handlers;
    const result = await dispatch(handlers, 'session.get', {});
    expect(result.ok ? null : result.error.code).toBe('INTERNAL');
  });
});
