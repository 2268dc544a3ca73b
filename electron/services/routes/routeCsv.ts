/**
 * Route read lists as CSV (columns documented in README.md, "Route CSV"). Every bad row is
 * reported with its line number and reason; the caller decides whether the valid rows go in.
 */
import type { RegisterInput } from '../store/repositories/meters';
import { CsvSyntaxError, csvRecords } from './csvRecords';
import { defaultRegisterLabel, isReadingTypeCode } from '../../../shared/cim/readingType';
import type { Hazard, ImportProblem } from '../../../shared/contract/entities';
import type { ImportProblemCode } from '../../../shared/i18n/importWords';
import { canonicalDecimal, checkRegisterValue } from '../../../shared/domain/registerValue';
import { keyAgreement, keyColumnIndex, rowKeys, type RowKey } from './routeKeys';

export const requiredColumns = ['route_id', 'sequence', 'usage_point_id', 'address', 'meter_serial', 'reading_type', 'dials'] as const;
export const optionalColumns = [
  'route_name',
  'register_label',
  'decimals',
  'multiplier',
  'last_read',
  'last_read_date',
  'average_daily_use',
  'account_id',
  'access_notes',
  'hazards',
  'latitude',
  'longitude',
] as const;

/** Hazard words in the `hazards` column (separated by `|`), as the read list writes them. */
const hazardWords: Readonly<Record<string, Hazard>> = {
  dog: 'dog',
  key: 'keyRequired',
  key_required: 'keyRequired',
  locked_gate: 'lockedGate',
  gate: 'lockedGate',
  unsafe: 'unsafe',
};
type Column = (typeof requiredColumns)[number] | (typeof optionalColumns)[number];

/** One checked row: a register of the meter at a stop of a route. */
export interface RouteRow extends RegisterInput {
  line: number;
  routeId: string;
  routeName: string;
  sequence: number;
  usagePointId: string;
  address: string;
  meterSerial: string;
  accountId: string;
  accessNotes: string;
  hazards: Hazard[];
  /** WGS 84 degrees (both or neither); null when the file gives none. */
  latitude: number | null;
  longitude: number | null;
  /**
   * Set by RouteCsvReader: true on the first row of its usage point in the file, false on a later
   * one, so that a writer knows a usage point is new to the import without a lookup of its own.
   */
  firstOfUsagePoint?: boolean;
  /** The meter's keys this row gives (routeKeys.ts): for the meter-key store, never the route tables. */
  keys?: readonly RowKey[];
}

export interface ParsedRouteCsv {
  rows: RouteRow[];
  problems: ImportProblem[];
}

type ProblemDetails = NonNullable<ImportProblem['details']>;
/** A rule across rows that a row breaks: its code and the values its words name. */
interface RowRuleBroken {
  code: ImportProblemCode;
  details: ProblemDetails;
}

const ID = /^[\w.\-/:#]{1,64}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** "2026-11-01" or "2026-11-01T08:30[:00][Z|+01:00]" → ISO UTC; null when it is not a real date. */
export function parseReadDate(text: string): string | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone = 'Z'] = match;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  // Date.parse rolls 2026-02-30 over to March; a read list with that date is wrong, not early.
  if (new Date(Date.parse(`${y}-${mo}-${d}T00:00:00Z`)).toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return null;
  return new Date(time).toISOString();
}

function detectDelimiter(content: string): ',' | ';' {
  const header = content.slice(0, content.indexOf('\n') >>> 0 || content.length);
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** Read lists repeat the same few ReadingTypes and dates on every row: work each out once per file. */
function memoize<R>(fn: (key: string) => R): (key: string) => R {
  const cache = new Map<string, R>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = fn(key);
      cache.set(key, value);
    }
    return value as R;
  };
}

interface RowContext {
  readonly delimiter: string;
  /** Where each known column sits in a record (-1: absent, read as empty). */
  readonly columnIndex: Readonly<Record<Column, number>>;
  readonly isReadingType: (code: string) => boolean;
  readonly labelFor: (code: string) => string;
  readonly readDate: (text: string) => string | null;
}

type Values = Readonly<Record<Column, string>>;

const at = (fields: readonly string[], i: number) => (i < 0 ? '' : (fields[i] ?? '').trim());

/** Every known column of a record, trimmed, read once (a 100,000-row list reads each field once, not per check). No closure per row. */
function valuesOf(fields: readonly string[], ix: Readonly<Record<Column, number>>): Values {
  return {
    route_id: at(fields, ix.route_id),
    sequence: at(fields, ix.sequence),
    usage_point_id: at(fields, ix.usage_point_id),
    address: at(fields, ix.address),
    meter_serial: at(fields, ix.meter_serial),
    reading_type: at(fields, ix.reading_type),
    dials: at(fields, ix.dials),
    route_name: at(fields, ix.route_name),
    register_label: at(fields, ix.register_label),
    decimals: at(fields, ix.decimals),
    multiplier: at(fields, ix.multiplier),
    last_read: at(fields, ix.last_read),
    last_read_date: at(fields, ix.last_read_date),
    average_daily_use: at(fields, ix.average_daily_use),
    account_id: at(fields, ix.account_id),
    access_notes: at(fields, ix.access_notes),
    hazards: at(fields, ix.hazards),
    latitude: at(fields, ix.latitude),
    longitude: at(fields, ix.longitude),
  };
}

/** Adds a row problem (a plain function: validateRow makes no closure per row). */
function bad(problems: ImportProblem[], line: number, column: Column, code: ImportProblemCode, details?: ProblemDetails): void {
  problems.push(details ? { line, column, code, details } : { line, column, code });
}

/** A WGS 84 coordinate in decimal degrees (a `;` file may write the decimal comma); empty is null. */
function coordinate(
  problems: ImportProblem[],
  line: number,
  column: 'latitude' | 'longitude',
  text: string,
  delimiter: string,
  limit: number,
): number | null {
  if (!text) return null;
  const decimal = delimiter === ';' ? text.replace(',', '.') : text;
  const value = Number(decimal);
  if (!/^[+-]?\d{1,3}(\.\d{1,12})?$/.test(decimal) || Math.abs(value) > limit) {
    bad(problems, line, column, 'notDegrees', { value: text.slice(0, 30), limit });
    return null;
  }
  return value;
}

const identifierColumns = ['route_id', 'usage_point_id', 'meter_serial'] as const;

function validateRow(fields: readonly string[], line: number, context: RowContext): RouteRow | ImportProblem[] {
  const { delimiter } = context;
  const problems: ImportProblem[] = [];
  const v = valuesOf(fields, context.columnIndex);

  for (const column of requiredColumns) if (!v[column]) bad(problems, line, column, 'empty');
  for (const column of identifierColumns) {
    if (v[column] && !ID.test(v[column])) bad(problems, line, column, 'notIdentifier', { value: v[column].slice(0, 40) });
  }
  const sequence = Number(v.sequence);
  if (v.sequence && (!Number.isInteger(sequence) || sequence < 0))
    bad(problems, line, 'sequence', 'notWholeNumber', { value: v.sequence.slice(0, 40) });
  const readingType = v.reading_type;
  if (readingType && !context.isReadingType(readingType))
    bad(problems, line, 'reading_type', 'notReadingType', { value: readingType.slice(0, 60) });
  const dials = Number(v.dials);
  if (v.dials && (!Number.isInteger(dials) || dials < 1 || dials > 12))
    bad(problems, line, 'dials', 'wholeNumberFromTo', { value: v.dials.slice(0, 40), min: 1, max: 12 });
  const decimals = v.decimals ? Number(v.decimals) : 0;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
    bad(problems, line, 'decimals', 'wholeNumberFromTo', { value: v.decimals.slice(0, 40), min: 0, max: 6 });
  const multiplierText = delimiter === ';' ? v.multiplier.replace(',', '.') : v.multiplier;
  const multiplier = multiplierText ? Number(multiplierText) : 1;
  if (!Number.isFinite(multiplier) || multiplier <= 0)
    bad(problems, line, 'multiplier', 'notPositive', { value: v.multiplier.slice(0, 40) });

  let lastValue: string | null = null;
  let lastReadAt: string | null = null;
  if (v.last_read || v.last_read_date) {
    const valueText = delimiter === ';' ? v.last_read.replace(',', '.') : v.last_read;
    lastValue = canonicalDecimal(valueText);
    lastReadAt = context.readDate(v.last_read_date);
    if (lastValue === null) bad(problems, line, 'last_read', 'notANumber', { value: v.last_read.slice(0, 40) });
    else if (problems.length === 0) {
      const fit = checkRegisterValue(lastValue, { dials, decimals });
      if (fit) {
        const { kind, ...counts } = fit;
        bad(problems, line, 'last_read', kind, { ...counts, value: lastValue, dials, decimals });
      }
    }
    if (lastReadAt === null) bad(problems, line, 'last_read_date', 'notADate', { value: v.last_read_date.slice(0, 40) });
  }
  const averageText = delimiter === ';' ? v.average_daily_use.replace(',', '.') : v.average_daily_use;
  const averageDailyUse = averageText ? Number(averageText) : null;
  if (averageDailyUse !== null && (!Number.isFinite(averageDailyUse) || averageDailyUse < 0)) {
    bad(problems, line, 'average_daily_use', 'negativeOrNotANumber', { value: v.average_daily_use.slice(0, 40) });
  }
  const hazards: Hazard[] = [];
  for (const word of v.hazards
    ? v.hazards
        .split('|')
        .map((w) => w.trim().toLowerCase())
        .filter(Boolean)
    : []) {
    const known = hazardWords[word];
    if (known) {
      if (!hazards.includes(known)) hazards.push(known);
    } else bad(problems, line, 'hazards', 'unknownHazard', { value: word.slice(0, 30), known: Object.keys(hazardWords).join(', ') });
  }
  const latitude = coordinate(problems, line, 'latitude', v.latitude, delimiter, 90);
  const longitude = coordinate(problems, line, 'longitude', v.longitude, delimiter, 180);
  if ((latitude === null) !== (longitude === null) && problems.length === 0) {
    bad(problems, line, v.latitude ? 'longitude' : 'latitude', 'coordinatesTogether');
  }
  if (problems.length) return problems;
  return {
    line,
    routeId: v.route_id,
    routeName: v.route_name || v.route_id,
    sequence,
    usagePointId: v.usage_point_id,
    address: v.address,
    meterSerial: v.meter_serial,
    readingType,
    label: v.register_label || context.labelFor(readingType),
    dials,
    decimals,
    multiplier,
    lastValue,
    lastReadAt,
    averageDailyUse,
    accountId: v.account_id,
    accessNotes: v.access_notes.slice(0, 500),
    hazards,
    latitude,
    longitude,
    firstOfUsagePoint: false,
  };
}

/** What the cross-row rules remember of a usage point and its meter (not the whole row). */
interface Placement {
  /** Where it sits in the checker's list (the stops of a route refer to it by this). */
  readonly index: number;
  readonly usagePointId: string;
  readonly meterSerial: string;
  readonly address: string;
  readonly accountId: string;
  readonly line: number;
  readonly readingTypes: string[];
}

/**
 * The stops of one route by sequence number. Read lists number their stops 1, 2, 3… or 10, 20,
 * 30…: those sit in typed arrays indexed by the number (no hashing, 8 bytes each). The arrays grow
 * only as far as the stops so far justify (16 numbers per stop, at least 65,536, at most
 * DENSE_SEQUENCES); a number beyond that (walk-book numbering such as 4100350) goes to a map, so a
 * few stops with large numbers cost no memory.
 */
class StopsBySequence {
  private owner = new Int32Array(1024);
  private lines = new Int32Array(1024);
  private count = 0;
  private readonly sparse = new Map<number, { readonly placement: Placement; readonly line: number }>();

  constructor(private readonly placements: Placement[]) {}

  get(sequence: number): { readonly placement: Placement; readonly line: number } | undefined {
    const owner = sequence < this.owner.length ? this.owner[sequence]! : 0;
    if (owner !== 0) return { placement: this.placements[owner - 1]!, line: this.lines[sequence]! };
    return this.sparse.size === 0 ? undefined : this.sparse.get(sequence);
  }

  set(sequence: number, placement: Placement, line: number): void {
    this.count++;
    if (sequence >= this.owner.length) {
      const limit = Math.min(DENSE_SEQUENCES, Math.max(1 << 16, this.count * 16));
      if (sequence >= limit) return void this.sparse.set(sequence, { placement, line });
      const size = Math.min(limit, Math.max(sequence + 1, this.owner.length * 2));
      const owner = new Int32Array(size);
      const lines = new Int32Array(size);
      owner.set(this.owner);
      lines.set(this.lines);
      [this.owner, this.lines] = [owner, lines];
    }
    this.owner[sequence] = placement.index + 1;
    this.lines[sequence] = line;
  }
}
/** Sequence numbers below this may be kept in typed arrays (at most 32 MiB for a route of 262,144 stops or more). */
const DENSE_SEQUENCES = 1 << 22;

/**
 * Rules across rows: one meter per usage point, one place per meter, one stop per sequence, one
 * register per ReadingType. Row by row, remembering a few strings per meter, so a read list is
 * checked without holding its rows. Returns why a row breaks a rule, or else (recording the row)
 * whether it is the first row of its usage point. The rows of a meter usually follow each other:
 * a row of the meter just checked needs no lookup.
 */
function crossChecker(): (row: RouteRow) => RowRuleBroken | boolean {
  const placements: Placement[] = [];
  const meterAt = new Map<string, Placement>();
  const placeOf = new Map<string, Placement>();
  const stopsOfRoute = new Map<string, StopsBySequence>();
  let previous: { readonly placement: Placement; readonly routeId: string; readonly sequence: number } | null = null;
  return (row): RowRuleBroken | boolean => {
    const same =
      previous !== null && previous.placement.usagePointId === row.usagePointId && previous.placement.meterSerial === row.meterSerial;
    const first = same ? previous!.placement : meterAt.get(row.usagePointId);
    const place = same ? first : placeOf.get(row.meterSerial);
    const sameStop = same && previous!.routeId === row.routeId && previous!.sequence === row.sequence;
    let stops = stopsOfRoute.get(row.routeId);
    if (!stops) stopsOfRoute.set(row.routeId, (stops = new StopsBySequence(placements)));
    const stop = sameStop ? { placement: first!, line: 0 } : stops.get(row.sequence);
    if (first && first.meterSerial !== row.meterSerial)
      return {
        code: 'usagePointHasMeter',
        details: { usagePointId: row.usagePointId, meterSerial: first.meterSerial, otherLine: first.line },
      };
    if (first && (first.address !== row.address || first.accountId !== row.accountId)) {
      return { code: 'usagePointDiffers', details: { usagePointId: row.usagePointId, otherLine: first.line } };
    }
    if (place && place.usagePointId !== row.usagePointId)
      return { code: 'meterElsewhere', details: { meterSerial: row.meterSerial, usagePointId: place.usagePointId, otherLine: place.line } };
    if (stop && stop.placement.usagePointId !== row.usagePointId)
      return { code: 'sequenceUsed', details: { sequence: row.sequence, routeId: row.routeId, otherLine: stop.line } };
    // Past the rules above, `first` and `place` are the same placement (or both absent).
    if (place?.readingTypes.includes(row.readingType))
      return { code: 'readingTypeTwice', details: { meterSerial: row.meterSerial, readingType: row.readingType } };
    let placement = place;
    const firstOfUsagePoint = !placement;
    if (placement) placement.readingTypes.push(row.readingType);
    else {
      placement = {
        index: placements.length,
        usagePointId: row.usagePointId,
        meterSerial: row.meterSerial,
        address: row.address,
        accountId: row.accountId,
        line: row.line,
        readingTypes: [row.readingType],
      };
      placements.push(placement);
      meterAt.set(row.usagePointId, placement);
      placeOf.set(row.meterSerial, placement);
    }
    if (!stop) stops.set(row.sequence, placement, row.line);
    previous = { placement, routeId: row.routeId, sequence: row.sequence };
    return firstOfUsagePoint;
  };
}

/**
 * Reads a route CSV one record at a time: `rows()` yields each valid row as soon as it passes
 * the row checks and the rules across rows, and `problems` collects the rest. An import writes
 * the rows as they come (a chunk at a time), so memory follows the number of meters (a few
 * strings each), not the size of the file times the objects made from it (issue 11).
 */
export class RouteCsvReader {
  readonly problems: ImportProblem[] = [];
  /** The file as a whole cannot be used (not CSV, empty, no rows, missing columns): no row counts. */
  unreadable = false;
  validRows = 0;

  constructor(private readonly content: string) {}

  private refuseFile(line: number, code: ImportProblemCode, details?: ProblemDetails): void {
    this.unreadable = true;
    this.problems.length = 0;
    this.problems.push(details ? { line, code, details } : { line, code });
  }

  *rows(): Generator<RouteRow> {
    const { content } = this;
    const delimiter = detectDelimiter(content);
    const records = csvRecords(content, delimiter);
    let context: RowContext | null = null;
    let crossCheck: ((row: RouteRow) => RowRuleBroken | boolean) | null = null;
    let keyIndex: ReturnType<typeof keyColumnIndex> = null;
    const keysAgree = keyAgreement();
    const keyProblems: ImportProblem[] = [];
    try {
      for (const { line, fields } of records) {
        if (!context || !crossCheck) {
          const header = fields.map((h) => h.trim().toLowerCase());
          const missing = requiredColumns.filter((c) => !header.includes(c));
          if (missing.length) return this.refuseFile(line, 'missingColumns', { columns: missing.join(', ') });
          context = {
            delimiter,
            // The first column of a name wins, as a spreadsheet user would expect.
            columnIndex: Object.fromEntries([...requiredColumns, ...optionalColumns].map((c) => [c, header.indexOf(c)])) as Record<
              Column,
              number
            >,
            isReadingType: memoize(isReadingTypeCode),
            labelFor: memoize(defaultRegisterLabel),
            readDate: memoize((text) => parseReadDate(text)),
          };
          crossCheck = crossChecker();
          keyIndex = keyColumnIndex(header);
          continue;
        }
        const result = validateRow(fields, line, context);
        const keys = keyIndex && rowKeys(fields, line, keyIndex, at(fields, context.columnIndex.meter_serial), keyProblems);
        if (Array.isArray(result) || keyProblems.length > 0) {
          if (Array.isArray(result)) this.problems.push(...result);
          this.problems.push(...keyProblems.splice(0));
          continue;
        }
        const keysDiffer = keys && keysAgree.differs(keys, line);
        if (keysDiffer) {
          this.problems.push(keysDiffer);
          continue;
        }
        const checked = crossCheck(result);
        if (typeof checked === 'object') {
          this.problems.push({ line, ...checked });
          continue;
        }
        if (keys) {
          keysAgree.remember(keys, line);
          result.keys = keys;
        }
        result.firstOfUsagePoint = checked;
        this.validRows++;
        yield result;
      }
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      return this.refuseFile(error.line, 'notCsv');
    }
    if (!context) this.refuseFile(1, 'emptyFile');
    else if (this.validRows === 0 && this.problems.length === 0) this.refuseFile(1, 'noRows');
  }
}

export function parseRouteCsv(content: string): ParsedRouteCsv {
  const reader = new RouteCsvReader(content);
  const rows = [...reader.rows()];
  return { rows: reader.unreadable ? [] : rows, problems: reader.problems };
}
