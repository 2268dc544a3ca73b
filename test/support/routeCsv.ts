/** Builds route CSV text for tests, one register per row. */
export const KWH = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';
export const KWH_T1 = '0.0.0.1.1.1.12.0.0.0.0.1.0.0.0.3.72.0';
export const KWH_T2 = '0.0.0.1.1.1.12.0.0.0.0.2.0.0.0.3.72.0';
export const HEADER =
  'route_id,route_name,sequence,usage_point_id,address,meter_serial,reading_type,register_label,dials,decimals,multiplier,last_read,last_read_date,average_daily_use,account_id,access_notes,hazards';

type Field =
  | 'route'
  | 'seq'
  | 'up'
  | 'address'
  | 'serial'
  | 'type'
  | 'label'
  | 'dials'
  | 'decimals'
  | 'multiplier'
  | 'last'
  | 'date'
  | 'average'
  | 'account'
  | 'access'
  | 'hazards';

export function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

export function row(over: Partial<Record<Field, string>> = {}): string {
  const v: Record<Field, string> = {
    route: 'R1',
    seq: '10',
    up: 'UP-1',
    address: '1 Main St',
    serial: 'E100',
    type: KWH,
    label: '',
    dials: '6',
    decimals: '0',
    multiplier: '1',
    last: '1000',
    date: '2026-10-01',
    average: '',
    account: '',
    access: '',
    hazards: '',
    ...over,
  };
  return [
    v.route,
    'Route one',
    v.seq,
    v.up,
    `"${v.address}"`,
    v.serial,
    v.type,
    v.label,
    v.dials,
    v.decimals,
    v.multiplier,
    v.last,
    v.date,
    v.average,
    v.account,
    `"${v.access}"`,
    v.hazards,
  ].join(',');
}
