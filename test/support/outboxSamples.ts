/** One payload of every outbox kind, for the tests of the kinds and of migration 13 (the same sample rows `messages samples` uses). */
import { samplePayloads } from '../../electron/services/messages/sampleRows';

export const sampleAt = '2026-12-01T08:00:00.000Z';
export const testPayloads = samplePayloads({
  meter: 'E3100001',
  usagePoint: 'UP-1001',
  readings: [{ readingType: '0.0.0.1.1.1.12.0.0.0.0.1.0.0.0.3.72.0', value: '1234.5' }],
  pan: { eui64: '0011223344556677', installCode: '83FED3407A939723A5C639B26916D505C3B5' },
  at: sampleAt,
});
