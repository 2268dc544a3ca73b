/**
 * A DLMS load profile as 61968-9 MeterReadings: one MeterReading for the meter with one
 * IntervalBlock per channel (its interval ReadingType), each IntervalReading with the interval's
 * end as timeStamp, its value, and its ReadingQualities; valuesInterval is the period read.
 */
import type { PayloadBody } from '../payloads';
import type { OutboxPayload } from './kinds';

export function loadProfileBody(p: OutboxPayload<'loadProfile'>): PayloadBody {
  return {
    noun: 'MeterReadings',
    value: {
      meterReadings: [
        {
          intervalBlocks: p.blocks.map((b) => ({
            readingType: b.readingType,
            intervalReadings: b.intervals.map((i) => ({
              timeStamp: i.end,
              value: i.value ?? undefined,
              readingQualities: i.qualities.length ? i.qualities.map((q) => ({ readingQualityType: q })) : undefined,
            })),
          })),
          meter: { names: [{ name: p.meter }] },
          usagePoint: { mRID: p.usagePoint },
          valuesInterval: { start: p.start, end: p.end },
        },
      ],
    },
  };
}
