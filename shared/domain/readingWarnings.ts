/**
 * Warnings in words, with the numbers behind them. The renderer translates the same shapes
 * through its catalogs; this English text is what the Node side puts in error messages and
 * the audit trail.
 */
import type { ReadingWarningShape } from '../contract/entities';

const n = (x: number) => String(Math.round(x * 100) / 100);

export function describeWarning(w: ReadingWarningShape): string {
  switch (w.kind) {
    case 'highUsage':
      return `Use of ${w.usage} over ${n(w.days)} days is above the expected ${n(w.expectedLow)}–${n(w.expectedHigh)}.`;
    case 'lowUsage':
      return `Use of ${w.usage} over ${n(w.days)} days is below the expected ${n(w.expectedLow)}–${n(w.expectedHigh)}.`;
    case 'zeroUsage':
      return `No use since the last reading (${w.previous}) ${n(w.days)} days ago.`;
    case 'rollover':
      return `Lower than the last reading ${w.previous}: counted as a rollover of the ${w.dials} dials, use ${w.usage}.`;
    case 'lowerThanPrevious':
      return `${w.current} is lower than the last reading ${w.previous}, and too far below it to be a rollover.`;
    case 'implausibleDemand':
      return `Demand ${w.value} is above the plausible maximum of ${n(w.max)}.`;
    case 'readBeforeLastRead':
      return `This device's clock says ${w.readAt}, before the last reading at ${w.lastReadAt}. Check the date and time of the device.`;
    case 'serialMismatch':
      return `The meter's serial ${w.observed} is not the expected ${w.expected}.`;
  }
}
