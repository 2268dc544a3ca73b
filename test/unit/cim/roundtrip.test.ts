/** build → parse gives back the same message, for the fixtures and for generated MeterReadings (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMessage, parseMessage, type CimMessage, type Header, type MeterReadings } from '../../../shared/cim';
import { fixtures } from './fixtures';

const withoutForm = ({ form: _form, ...rest }: ReturnType<typeof parseMessage>) => rest;

describe('round trip of every fixture', () => {
  for (const { name, message } of fixtures) {
    for (const form of ['typed', 'generic'] as const) {
      it(`${name} (${form})`, () => {
        const parsed = parseMessage(buildMessage(message, { form }), undefined, { allowDraftEnvelope: true });
        expect(parsed.form).toBe(form);
        // A generic FaultMessage has no Header, so nothing names its noun.
        const expected = form === 'generic' && message.kind === 'fault' ? { ...message, noun: '' } : message;
        expect(withoutForm(parsed)).toEqual(expected);
      });
    }
  }
});

// Text XML 1.0 can carry, including markup characters, CR and non-ASCII.
const text = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', ' ', '&', '<', '>', '"', "'", '\n', '\r', '\t', 'é', '€', '😀', ';', '#'),
  minLength: 1,
  maxLength: 12,
});
const id = fc.stringMatching(/^[A-Za-z0-9-]{1,16}$/);
const dateTime = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
const decimal = fc.tuple(fc.nat({ max: 99_999_999 }), fc.nat({ max: 999 })).map(([i, f]) => `${i}.${f}`);
const readingType = fc.array(fc.nat({ max: 255 }), { minLength: 18, maxLength: 18 }).map((a) => a.join('.'));
const quality = fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: 12 }), fc.nat({ max: 300 })).map((a) => a.join('.'));
const names = fc.option(fc.array(fc.record({ name: text }, { requiredKeys: ['name'] }), { minLength: 1, maxLength: 2 }), {
  nil: undefined,
});

const meterReadings: fc.Arbitrary<MeterReadings> = fc.record({
  meterReadings: fc.array(
    fc.record(
      {
        meter: fc.record({ mRID: id, serialNumber: text, names }, { requiredKeys: [] }),
        readings: fc.array(
          fc.record(
            {
              timeStamp: dateTime,
              value: decimal,
              source: text,
              readingQualities: fc.array(
                fc.record({ readingQualityType: quality, comment: text }, { requiredKeys: ['readingQualityType'] }),
                { minLength: 1, maxLength: 3 },
              ),
              readingType,
            },
            { requiredKeys: ['readingType'] },
          ),
          { minLength: 1, maxLength: 5 },
        ),
        intervalBlocks: fc.array(
          fc.record(
            { readingType, intervalReadings: fc.array(fc.record({ timeStamp: dateTime, value: decimal }), { minLength: 1, maxLength: 4 }) },
            { requiredKeys: ['readingType'] },
          ),
          { minLength: 1, maxLength: 2 },
        ),
        usagePoint: fc.record({ mRID: id }),
      },
      { requiredKeys: [] },
    ),
    { maxLength: 3 },
  ),
});

const header = (verb: Header['verb']): fc.Arbitrary<Header> =>
  fc.record(
    {
      verb: fc.constant(verb),
      noun: fc.constant('MeterReadings'),
      timestamp: dateTime,
      source: text,
      messageID: id,
      correlationID: id,
      ackRequired: fc.boolean(),
      user: fc.record({ userID: text, organization: text }, { requiredKeys: ['userID'] }),
      properties: fc.array(fc.record({ name: text, value: text }, { requiredKeys: ['name'] }), { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: ['verb', 'noun'] },
  );

describe('round trip of generated MeterReadings messages (fast-check)', () => {
  it('CreatedMeterReadings, typed and generic, parse back to what was built', () => {
    const event: fc.Arbitrary<CimMessage> = fc.record({
      kind: fc.constant('event' as const),
      header: header('created'),
      payload: fc.record({
        kind: fc.constant('xml' as const),
        body: fc.record({ noun: fc.constant('MeterReadings' as const), value: meterReadings }),
      }),
    });
    fc.assert(
      fc.property(event, fc.constantFrom('typed' as const, 'generic' as const), (message, form) => {
        expect(withoutForm(parseMessage(buildMessage(message, { form })))).toEqual(message);
      }),
      { numRuns: 150 },
    );
  });
});
