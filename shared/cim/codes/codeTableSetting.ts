/**
 * The integration profile's `codeTable`: the name of a shipped table, or the utility's own table
 * given as the shipped one it starts from (`base`) and the codes that differ. Every code is checked
 * for its form; a name the app does not send is refused (a typo would otherwise be ignored).
 */
import { z } from 'zod';
import { END_DEVICE_CONTROL_NAMES, type EndDeviceControlName, type EndDeviceEventName, END_DEVICE_EVENT_CODES } from './endDeviceCodes';
import { SHIPPED_CODE_TABLE_NAMES, SHIPPED_CODE_TABLES, type CodeTable, type ReadingQualityName } from './codeTables';
import { readingQuality } from '../readingQuality';

const deviceCode = z.string().regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,4}$/, 'type.domain.subDomain.eventOrAction, e.g. 0.26.38.85');
const qualityCode = z.string().regex(/^\d{1,3}\.\d{1,3}\.\d{1,5}$/, 'system.category.index, e.g. 2.4.131');
const joinPattern = z.string().regex(/^(\d{1,4}|\*)(\.(\d{1,4}|\*)){3}$/, 'type.domain.subDomain.eventOrAction, * for any');

const eventNames = Object.keys(END_DEVICE_EVENT_CODES) as [EndDeviceEventName, ...EndDeviceEventName[]];
const controlNames = END_DEVICE_CONTROL_NAMES as [EndDeviceControlName, ...EndDeviceControlName[]];
const qualityNames = Object.keys(readingQuality) as [ReadingQualityName, ...ReadingQualityName[]];

const ownTable = z
  .object({
    name: z.string().min(1).max(120),
    base: z.enum(SHIPPED_CODE_TABLE_NAMES).default('iec61968_9'),
    events: z.partialRecord(z.enum(eventNames), deviceCode).default({}),
    controls: z.partialRecord(z.enum(controlNames), deviceCode).default({}),
    readingQualities: z.partialRecord(z.enum(qualityNames), qualityCode).default({}),
    panJoined: z.array(joinPattern).min(1).max(16).optional(),
    panJoinFailed: z.array(joinPattern).min(1).max(16).optional(),
  })
  .strict();

export const codeTableSetting = z.union([z.enum(SHIPPED_CODE_TABLE_NAMES), ownTable]);
export type CodeTableSetting = z.infer<typeof codeTableSetting>;

/** The table a profile's setting stands for. */
export function resolveCodeTable(setting: CodeTableSetting): CodeTable {
  if (typeof setting === 'string') return SHIPPED_CODE_TABLES[setting];
  const base = SHIPPED_CODE_TABLES[setting.base];
  return {
    name: setting.name,
    events: { ...base.events, ...setting.events },
    controls: { ...base.controls, ...setting.controls },
    readingQualities: { ...base.readingQualities, ...setting.readingQualities },
    panJoined: setting.panJoined ?? base.panJoined,
    panJoinFailed: setting.panJoinFailed ?? base.panJoinFailed,
  };
}
