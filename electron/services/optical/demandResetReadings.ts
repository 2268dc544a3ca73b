/**
 * What a verified demand reset sends besides its EndDeviceControls outcome: the maximum demand the
 * meter held before the reset as a reading with ReadingReasonKind demandReset (IEC 61968-9
 * MeterReadings, Reading.reason), and the event Demand.NA.ResetOccurred x.8.0.215 (61968-9 Annex E,
 * as Connexo's getMaximumDemandResetEventType writes it). Called inside the transaction of the outcome.
 */
import { endDeviceEventTypeFor } from '../../../shared/cim/codes/endDeviceCodes';
import { mapDataSets, type DataValue } from '../../../shared/iec62056';
import type { Store } from '../store';

export function queueDemandResetReadings(
  store: Store,
  meter: { meterSerial: string; usagePointId: string },
  demandRegister: string,
  demandBefore: readonly DataValue[],
  at: string,
): { readingMessageId: string | null; eventMessageId: string } {
  const [mapped] = mapDataSets([{ obis: demandRegister, values: [...demandBefore] }]);
  const value = demandBefore[0]?.value ?? null;
  // A register the ReadingType table does not know cannot be sent as a reading; the event still goes.
  const readingMessageId =
    mapped?.readingType && value !== null
      ? store.journal.enqueue(
          'meterReadings',
          {
            meter: meter.meterSerial,
            usagePoint: meter.usagePointId,
            readings: [{ readingType: mapped.readingType, value, timeStamp: at, qualities: [], reason: 'demandReset' }],
          },
          { usagePointId: meter.usagePointId },
        )
      : null;
  const eventMessageId = store.journal.enqueue(
    'meterStatusEvents',
    {
      meter: meter.meterSerial,
      usagePoint: meter.usagePointId,
      events: [
        {
          eventType: endDeviceEventTypeFor('demandResetOccurred', 3),
          createdDateTime: at,
          reason: 'demand reset through the optical port',
          details: [{ name: 'demandBefore', value: value ?? '' }],
        },
      ],
    },
    { usagePointId: meter.usagePointId },
  );
  return { readingMessageId, eventMessageId };
}
