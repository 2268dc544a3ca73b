/** The PDF report says warnings and statuses in words, the code beside (issue 17 §2). */
import { describe, expect, it } from 'vitest';
import { reviewText, stopText, warningsText } from '../../electron/services/exports/pdfWriter';

describe('the PDF report in words', () => {
  it('names warning kinds, review and stop statuses, with the code in brackets', () => {
    expect(warningsText(JSON.stringify([{ kind: 'lowerThanPrevious' }, { kind: 'serialMismatch' }]))).toBe(
      'Lower than the last reading (lowerThanPrevious), Other meter serial (serialMismatch)',
    );
    expect(reviewText('pending')).toBe('To review (pending)');
    expect(stopText('warning')).toBe('Read, with warning (warning)');
    expect(warningsText('[]')).toBe('');
    expect(warningsText(JSON.stringify([{ kind: 'rollover' }]), 'de')).toBe('Als Zählerüberlauf gewertet (rollover)');
    expect(reviewText('pending', 'de')).toBe('Zu prüfen (pending)');
  });
});
