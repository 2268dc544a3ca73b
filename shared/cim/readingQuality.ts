/**
 * IEC 61968-9 ReadingQuality codes `system.category.index` (../shared/cim/NOTES.md §8).
 * System 2 is metering data collection, the side a field tool is on.
 */
export const readingQuality = {
  /** Read by a person off the register: MDC, data collection, manual read. */
  manuallyEntered: '2.4.131',
  /** Failed a high/low reasonability check: outside the expected range. */
  outsideExpectedRange: '2.5.256',
  /** Changed after it was first saved. */
  edited: '2.7.0',
  /** Estimated, not read. */
  estimated: '2.8.0',
  /** Valid, as read from the device (optical port): EndDevice, valid, data valid. */
  deviceValid: '1.0.0',
  /** Failed validation in the field tool (validation category, generic index). */
  failedValidation: '2.6.0',
  /** A read that was due but could not be taken (reasonability: known missing read). */
  knownMissingRead: '2.5.259',
  /** An interval skipped in the data collection. */
  skippedInterval: '2.4.4',
  /** Suspect value (reasonability: suspect). */
  suspect: '2.5.258',
  /** The meter flagged a power failure in the interval (power quality: power fail). */
  powerFail: '2.2.32',
  /** The meter's clock was set during the interval (data collection: clock changed). */
  clockChanged: '2.4.9',
  /** The meter's clock was not valid (diagnostics: clock error). */
  clockError: '2.1.9',
  /** Questionable, generic index: a switch reading taken outside its window (issue 9), to be prorated to the switch date. */
  questionable: '2.10.0',
} as const;
export type ReadingQualityCode = (typeof readingQuality)[keyof typeof readingQuality];

const systems: Readonly<Record<number, string>> = {
  0: 'not applicable',
  1: 'end device',
  2: 'data collection (MDC)',
  3: 'MDM',
  4: 'other system',
  5: 'externally specified',
};
const categories: Readonly<Record<number, string>> = {
  0: 'valid',
  1: 'diagnostics',
  2: 'power quality',
  3: 'tamper',
  4: 'data collection',
  5: 'reasonability',
  6: 'validation',
  7: 'edited',
  8: 'estimated',
  9: 'oscillatory (obsolete)',
  10: 'questionable',
  11: 'derived',
  12: 'projected',
};
/** Index names per category, keyed `category.index` (NOTES.md §8 examples). */
const indexes: Readonly<Record<string, string>> = {
  '0.0': 'data valid',
  '0.1': 'validated',
  '1.1': 'battery low',
  '1.9': 'clock error',
  '2.32': 'power fail',
  '3.1': 'cover opened',
  '3.4': 'reverse rotation',
  '4.2': 'partial interval',
  '4.4': 'skipped interval',
  '4.9': 'clock changed',
  '4.131': 'manual read',
  '5.256': 'outside expected range',
  '5.258': 'suspect',
  '5.259': 'known missing read',
  '6.0': 'failed validation',
  '6.1': 'zero usage',
  '7.0': 'edited',
  '7.1': 'added',
  '7.3': 'rejected',
  '8.0': 'estimated',
  '10.0': 'questionable',
};

export interface ReadingQualityDescription {
  system: string;
  category: string;
  index: string;
}

export const isReadingQualityCode = (code: string): boolean => /^\d{1,3}\.\d{1,3}\.\d{1,5}$/.test(code);

export function describeReadingQuality(code: string): ReadingQualityDescription | null {
  if (!isReadingQualityCode(code)) return null;
  const [s = 0, c = 0, i = 0] = code.split('.').map(Number);
  return {
    system: systems[s] ?? `system ${s}`,
    category: categories[c] ?? `category ${c}`,
    index: indexes[`${c}.${i}`] ?? `index ${i}`,
  };
}
