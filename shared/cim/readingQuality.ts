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
} as const;
export type ReadingQualityCode = (typeof readingQuality)[keyof typeof readingQuality];
