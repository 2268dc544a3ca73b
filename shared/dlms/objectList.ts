/**
 * What a meter offers: the Association LN object_list (class 15 attribute 2, Blue Book
 * IEC 62056-6-2 §4.4.3) as a person reads it — each object's OBIS code, interface class and
 * version, the class named where this app knows it, and the objects grouped as a field crew thinks
 * of them (registers, load profiles, clock, disconnect control, event logs). The load profile
 * period is offered on the Read panel only when a profile is listed.
 */
import { parseObjectList } from './classes';
import type { CosemResponse, ReadPlan } from './cosemRequest';
import { isEventLog } from './eventLog';
import { ASSOCIATION_LN, get } from './meterReadPlan';
import { obisFromBytes } from './obis';

export interface OfferedObject {
  readonly obis: string;
  readonly classId: number;
  readonly version: number;
}

/**
 * Interface class names (Blue Book §4.3–4.5, DLMS UA 1000-1 Table "interface classes"), as
 * identifiers for scripts (`--json`'s className); people read them from shared/i18n/meterNames.*.
 */
const CLASS_NAMES = {
  1: 'Data',
  3: 'Register',
  4: 'Extended register',
  5: 'Demand register',
  6: 'Register activation',
  7: 'Profile generic',
  8: 'Clock',
  9: 'Script table',
  10: 'Schedule',
  11: 'Special days table',
  15: 'Association LN',
  17: 'SAP assignment',
  18: 'Image transfer',
  20: 'Activity calendar',
  21: 'Register monitor',
  22: 'Single action schedule',
  23: 'IEC HDLC setup',
  40: 'Push setup',
  61: 'Register table',
  64: 'Security setup',
  70: 'Disconnect control',
  71: 'Limiter',
  72: 'M-Bus client',
} as const satisfies Readonly<Record<number, string>>;

/** An interface class this app knows by name. */
export type KnownClassId = keyof typeof CLASS_NAMES;

/** The class ids this app names, for the check that both languages have words for each. */
export const knownClassIds = Object.keys(CLASS_NAMES).map(Number) as KnownClassId[];

/** The class's Blue Book name (English, an identifier for scripts), null when unknown. */
export const className = (classId: number): string | null => (CLASS_NAMES as Readonly<Record<number, string>>)[classId] ?? null;

export const objectGroups = ['registers', 'profiles', 'clock', 'disconnect', 'eventLogs', 'other'] as const;
export type ObjectGroup = (typeof objectGroups)[number];

/** The group an object belongs to: event logs are profiles (class 7) named 0-0:99.98.x (IEC 62056-6-1 §7.4). */
export function groupOf(o: Pick<OfferedObject, 'classId' | 'obis'>): ObjectGroup {
  if (o.classId === 3 || o.classId === 4 || o.classId === 5) return 'registers';
  if (o.classId === 7) return isEventLog(o.obis) ? 'eventLogs' : 'profiles';
  if (o.classId === 8) return 'clock';
  if (o.classId === 70) return 'disconnect';
  return 'other';
}

/** The offered objects by group, each group in the meter's own order; empty groups left out. */
export function groupObjects(objects: readonly OfferedObject[]): { group: ObjectGroup; objects: OfferedObject[] }[] {
  return objectGroups.map((group) => ({ group, objects: objects.filter((o) => groupOf(o) === group) })).filter((g) => g.objects.length > 0);
}

/** True when the meter lists a load profile (a class 7 object that is not an event log). */
export const offersLoadProfile = (objects: readonly OfferedObject[]): boolean => objects.some((o) => groupOf(o) === 'profiles');

/** The object list answered in a read's responses, or null when it was not read or not understood. */
export function offeredObjects(responses: readonly CosemResponse[]): OfferedObject[] | null {
  const answer = responses.find(
    (r) => r.request.kind === 'get' && r.request.reference.classId === 15 && r.request.reference.index === 2 && isAssociation(r),
  );
  if (!answer?.ok || !answer.value) return null;
  try {
    return parseObjectList(answer.value).map((e) => ({ obis: e.obis, classId: e.classId, version: e.version }));
  } catch {
    return null; // a list this app cannot read is not shown as a guessed one
  }
}

const isAssociation = (r: CosemResponse) => r.request.kind === 'get' && obisFromBytes(r.request.reference.logicalName) === ASSOCIATION_LN;

/** A read of the object list only (`dlms read --objects`, the panel's "what the meter offers"). */
export function* objectListPlan(): ReadPlan {
  yield get(15, ASSOCIATION_LN, 2);
}
