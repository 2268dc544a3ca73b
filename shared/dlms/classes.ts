/**
 * The interface classes needed to read values (Blue Book, IEC 62056-6-2 §4.3–4.5): Register (3),
 * Extended Register (4) and Demand Register (5) scaler_unit; Clock (8); Disconnect Control (70);
 * Association LN (15) object_list. Profile Generic (7) is in ./profile.
 */
import { bytesOf, integerOf, itemsOf, type DlmsValue } from './dataTypes';
import { DlmsError } from './errors';
import { obisFromBytes } from './obis';
import { scaledText } from './scaling';
import { unitName } from './units';

export const ClassId = {
  data: 1,
  register: 3,
  extendedRegister: 4,
  demandRegister: 5,
  profileGeneric: 7,
  clock: 8,
  scriptTable: 9,
  associationLn: 15,
  disconnectControl: 70,
} as const;

export interface ScalerUnit {
  readonly scaler: number;
  readonly unit: number;
  /** The unit as text ("Wh"), null for "count"/"other"/unknown codes. */
  readonly unitText: string | null;
}

/** scaler_unit (Register attr 3, Extended Register attr 3, Demand Register attr 4): structure {integer scaler, enum unit}. */
export function parseScalerUnit(value: DlmsValue | undefined): ScalerUnit {
  const items = itemsOf(value);
  const scaler = integerOf(items?.[0]);
  const unit = integerOf(items?.[1]);
  if (!items || items.length !== 2 || scaler === null || unit === null || items[0]?.type !== 'int8' || items[1]?.type !== 'enum') {
    throw new DlmsError('dlms.format', 'scaler_unit is not a structure of integer and enum');
  }
  return { scaler: Number(scaler), unit: Number(unit), unitText: unitName(Number(unit)) };
}

/** A register value as exact decimal text with its scaler applied; null when the value is not a number. */
export function registerValueText(value: DlmsValue | undefined, scalerUnit: ScalerUnit | null): string | null {
  return scaledText(value, scalerUnit?.scaler ?? 0);
}

/** Disconnect Control (70): output_state (attr 2), control_state (attr 3), control_mode (attr 4). */
export const controlStates = ['disconnected', 'connected', 'ready-for-reconnection'] as const;
export type ControlState = (typeof controlStates)[number];

export function parseControlState(value: DlmsValue | undefined): ControlState {
  const n = integerOf(value);
  const state = n === null ? undefined : controlStates[Number(n)];
  if (!state || value?.type !== 'enum') throw new DlmsError('dlms.format', 'control_state is not 0, 1 or 2');
  return state;
}

export const DisconnectMethod = { remoteDisconnect: 1, remoteReconnect: 2 } as const;

/** An entry of Association LN object_list (attr 2): which objects the meter has, and their access. */
export interface ObjectListEntry {
  readonly classId: number;
  readonly version: number;
  readonly obis: string;
  /** attribute index → access mode (0 none, 1 read, 2 write, 3 read-write, 4–6 authenticated forms). */
  readonly attributes: ReadonlyMap<number, number>;
  readonly methods: ReadonlyMap<number, number>;
}

function accessMap(value: DlmsValue | undefined): Map<number, number> {
  const out = new Map<number, number>();
  for (const item of itemsOf(value) ?? []) {
    const fields = itemsOf(item);
    const index = integerOf(fields?.[0]);
    const mode = fields?.[1]?.type === 'boolean' ? (fields[1].value ? 1 : 0) : integerOf(fields?.[1]);
    if (index !== null && mode !== null) out.set(Number(index), Number(mode));
  }
  return out;
}

export function parseObjectList(value: DlmsValue): ObjectListEntry[] {
  const entries = itemsOf(value);
  if (!entries) throw new DlmsError('dlms.format', 'object_list is not an array');
  return entries.map((entry) => {
    const f = itemsOf(entry);
    const classId = integerOf(f?.[0]);
    const version = integerOf(f?.[1]);
    const name = bytesOf(f?.[2]);
    if (!f || classId === null || version === null || !name)
      throw new DlmsError('dlms.format', 'object_list entry is not {class_id, version, logical_name, access_rights}');
    const rights = itemsOf(f[3]);
    return {
      classId: Number(classId),
      version: Number(version),
      obis: obisFromBytes(name),
      attributes: accessMap(rights?.[0]),
      methods: accessMap(rights?.[1]),
    };
  });
}
