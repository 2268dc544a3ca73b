/**
 * Meter keys at rest (issue 23 §5, DESIGN §9 "Keys"): per meter and kind (`mbus`,
 * `dlms.encryption`, `dlms.authentication`), sealed with the device's Encryptor, never in plain
 * text in the database, a log, an audit row or an export. Supervisors import and delete them;
 * anyone signed in may count them; only the Node side opens them, through `keysFor`, to read a meter.
 */
import { AppError } from '../../../shared/contract/appError';
import type { Store } from '../store';
import type { Change } from '../store/mutation';
import type { Actor } from '../store/repositories/journal';
import type { MeterKeyKind } from '../store/repositories/meterKeys';
import type { Encryptor, StorageProblem } from '../sync/secrets';
import { meterIdOf, readKeyFile } from './keyFile';

export type { MeterKeyKind } from '../store/repositories/meterKeys';
export { meterKeyKinds } from '../store/repositories/meterKeys';

/** A meter as the keys name it: manufacturer (three letters, or '' / absent) and id or serial. */
export interface KeyedMeter {
  readonly manufacturer?: string | null;
  readonly id: string;
}

export type MeterKeySet = Partial<Record<MeterKeyKind, Uint8Array>>;

/** One key for one meter, as it arrives with other work (a route file's row, an inbound MeterConfig). */
export interface ArrivingKey {
  readonly manufacturer: string;
  readonly meterId: string;
  readonly kind: MeterKeyKind;
  readonly key: Uint8Array;
}

/** Where keys that came with other work come from, for the audit. */
export interface KeySource {
  readonly from: 'routeFile' | 'meterConfig';
  /** The route file's name, or the message's id. */
  readonly name: string;
}

export interface MeterKeys {
  importFile(actor: Actor, fileName: string, text: string): { imported: number; replaced: number };
  counts(): Record<MeterKeyKind, number> & { total: number };
  remove(actor: Actor, meter: KeyedMeter, kind?: MeterKeyKind): { deleted: number };
  /** The keys of one meter, opened; {} when it has none (the DLMS reader asks the same way). */
  keysFor(meter: KeyedMeter): MeterKeySet;
  /**
   * Keeps keys that arrive with other work inside that work's change (its transaction): one audit
   * row per meter saying where its keys came from and which kinds — never a key. Refused, like an
   * import, on a device that cannot keep keys safely.
   */
  keepWithin(change: Change, keys: readonly ArrivingKey[], source: KeySource): { kept: number; replaced: number };
  /** Every M-Bus key, opened once when a listening session starts, by manufacturer and id ("KAM44556677"). */
  radioKeys(): Map<string, Uint8Array>;
}

export interface MeterKeysOptions {
  /** Absent: this host cannot keep a key safely, and importing is refused. */
  readonly encryptor?: Encryptor | undefined;
  /** Asked before every import (the desktop app refuses safeStorage's well-known Linux key, issue 18). */
  readonly storageProblem?: () => StorageProblem | null;
}

const nameOf = (meter: KeyedMeter) => {
  const manufacturer = (meter.manufacturer ?? '').toUpperCase();
  return { manufacturer, meterId: meterIdOf(manufacturer, meter.id) ?? meter.id };
};

export function meterKeysOf(store: Store, options: MeterKeysOptions): MeterKeys {
  const { encryptor } = options;
  const open = (sealed: string): Uint8Array => {
    if (!encryptor)
      throw new AppError('VALIDATION', 'Meter keys cannot be opened on this device.', { reason: 'meterKeys.storageUnavailable' });
    return Buffer.from(encryptor.decryptString(Buffer.from(sealed, 'base64')), 'hex');
  };
  /** The Encryptor, once it is known to keep keys safely: refused rather than kept in plain text or under a well-known key. */
  const sealing = (): Encryptor => {
    const problem = !encryptor || !encryptor.isEncryptionAvailable() ? 'unavailable' : (options.storageProblem?.() ?? null);
    if (problem || !encryptor)
      throw new AppError('VALIDATION', 'This device cannot keep meter keys safely; nothing was imported.', {
        reason: 'meterKeys.storageUnavailable',
        problem,
      });
    return encryptor;
  };
  const seal = (sealer: Encryptor, key: Uint8Array) =>
    sealer.encryptString(Buffer.from(key).toString('hex').toUpperCase()).toString('base64');
  return {
    keepWithin(change, keys, source) {
      if (keys.length === 0) return { kept: 0, replaced: 0 };
      const sealer = sealing();
      const at = new Date().toISOString();
      const kindsOf = new Map<string, MeterKeyKind[]>();
      // A file may repeat a meter's key on each of its rows: each meter and kind is kept once.
      const once = new Map(keys.map((k) => [`${k.manufacturer}/${k.meterId}/${k.kind}`, k]));
      let replaced = 0;
      for (const { manufacturer, meterId, kind, key } of once.values()) {
        if (store.meterKeys.put({ manufacturer, meterId, kind, sealed: seal(sealer, key) }, at, change.actor.name)) replaced++;
        const meter = `${manufacturer}${meterId}`;
        kindsOf.set(meter, [...(kindsOf.get(meter) ?? []), kind]);
      }
      for (const [meter, kinds] of kindsOf)
        change.audit({
          action: 'meterKeys.set',
          entity: 'meterKeys',
          entityId: meter,
          details: { from: source.from, source: source.name, kinds: kinds.join(' ') },
        });
      return { kept: once.size, replaced };
    },
    importFile(actor, fileName, text) {
      const encryptor = sealing();
      const file = readKeyFile(text);
      if (file.problems.length > 0 || file.rows.length === 0) {
        throw new AppError('IMPORT_REJECTED', `Nothing was imported from ${fileName}: ${file.problems.length} row problem(s).`, {
          reason: 'meterKeys.badFile',
          problems: file.problems.slice(0, 200),
          totalProblems: file.problems.length,
        });
      }
      const at = new Date().toISOString();
      return store.mutate(actor, (change) => {
        let replaced = 0;
        for (const row of file.rows) {
          const sealed = seal(encryptor, row.key);
          if (store.meterKeys.put({ manufacturer: row.manufacturer, meterId: row.meterId, kind: row.kind, sealed }, at, actor.name))
            replaced++;
        }
        // The audit names the file and how many keys, never a key.
        change.audit({
          action: 'meterKeys.import',
          entity: 'meterKeys',
          entityId: fileName,
          details: { imported: file.rows.length, replaced },
        });
        return { imported: file.rows.length, replaced };
      });
    },
    counts() {
      const counts = store.meterKeys.counts();
      return { ...counts, total: counts.mbus + counts['dlms.encryption'] + counts['dlms.authentication'] + counts['dlms.password'] };
    },
    remove(actor, meter, kind) {
      const { manufacturer, meterId } = nameOf(meter);
      return store.mutate(actor, (change) => {
        const deleted = store.meterKeys.remove(manufacturer, meterId, kind);
        change.audit({
          action: 'meterKeys.delete',
          entity: 'meterKeys',
          entityId: `${manufacturer}${meterId}`,
          details: { kind: kind ?? 'all', deleted },
        });
        return { deleted };
      });
    },
    keysFor(meter) {
      const { manufacturer, meterId } = nameOf(meter);
      const keys: MeterKeySet = {};
      for (const row of store.meterKeys.ofMeter(manufacturer, meterId)) keys[row.kind] = open(row.sealed);
      return keys;
    },
    radioKeys() {
      const keys = new Map<string, Uint8Array>();
      if (!encryptor) return keys;
      for (const row of store.meterKeys.all()) if (row.kind === 'mbus') keys.set(`${row.manufacturer}${row.meterId}`, open(row.sealed));
      return keys;
    },
  };
}
