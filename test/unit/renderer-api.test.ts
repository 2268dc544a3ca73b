/** The renderer's transport helpers: token handling and turning any answer into a Result. */
import { describe, expect, it } from 'vitest';
import { normaliseResult, resultFromResponseText } from '../../renderer/src/api/results';
import { hashWithoutToken, tokenFromHash } from '../../renderer/src/api/token';

describe('access token in the URL fragment', () => {
  it('reads the token and leaves the rest of the fragment', () => {
    expect(tokenFromHash('#token=abc-DEF_1')).toBe('abc-DEF_1');
    expect(tokenFromHash('#view=x&token=t1')).toBe('t1');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
    expect(hashWithoutToken('#token=abc')).toBe('');
    expect(hashWithoutToken('#view=x&token=abc')).toBe('#view=x');
  });
});

describe('answers from the web host', () => {
  it('passes results through, including error codes and details', () => {
    expect(resultFromResponseText(200, '{"ok":true,"value":{"a":1}}')).toEqual({ ok: true, value: { a: 1 } });
    const rejected = { ok: false, error: { code: 'IMPORT_REJECTED', details: { validRows: 3 }, logId: 'a1b2c3d4' } };
    expect(resultFromResponseText(200, JSON.stringify(rejected))).toEqual(rejected);
    // An older Node side's English message is dropped at the boundary: the screen never sees it.
    const withProse = { ok: false, error: { code: 'VALIDATION', message: 'The value is wrong', details: { reason: 'valueInvalid' } } };
    expect(resultFromResponseText(200, JSON.stringify(withProse))).toEqual({
      ok: false,
      error: { code: 'VALIDATION', details: { reason: 'valueInvalid' } },
    });
    expect(resultFromResponseText(401, '{"ok":false,"error":{"code":"UNAUTHORIZED","message":"no"}}')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
  });

  it('turns a page that is not a Result into INTERNAL with a reason whose words say what to do', () => {
    expect(resultFromResponseText(502, '<html>Bad gateway</html>')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', details: { reason: 'unreachable' } },
    });
    expect(resultFromResponseText(200, 'not json')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', details: { reason: 'unexpectedAnswer' } },
    });
    expect(normaliseResult({ ok: false, error: { code: 'NO_SUCH_CODE', message: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(normaliseResult(null)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(normaliseResult({ ok: true })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
