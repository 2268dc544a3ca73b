/**
 * A walk-by listening session (issue 23): bytes from the receiver (iM871A, Amber or rtl-wmbus) in, every
 * telegram decoded with its meter's key, matched to the route's stop by manufacturer and id, and
 * kept as "heard" with its values and time; a heard meter's current values are saved as its
 * reading, on a tap or at once (the route's setting), through the same checks as any reading.
 * The same access number again is a duplicate and an older one a replay: neither is saved.
 * Sans port: the caller feeds bytes (listenOnPort in port.ts, the CLI, tests).
 */
import {
  AmberStream,
  ImstStream,
  amberTelegram,
  decodeTelegram,
  formatBook,
  fragmentBook,
  imstTelegram,
  alarmSources,
  meterAlarms,
  radioRouteIndex,
  RtlWmbusStream,
  type AesCipher,
  type DataRecord,
  type MbusReason,
  type ReceiverKind,
} from '../../../shared/mbus';
import type { ValidationSettings } from '../../../shared/domain/readingValidation';
import { AppError } from '../../../shared/contract/appError';
import { saveManualReadings } from '../readings/saveReadings';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { endDeviceTypeOfMbus } from '../../../shared/cim/codes/mbusAlarmEvents';
import type { MeterAlarmsAt } from './alarmEvents';
import { AUTO_SAVE_MAX_METERS, autoSaveBatch, saveInOneTransaction, type AutoSaveBatchOptions } from './autoSaveBatch';
import { meterReadingOf, type DueDayValue, type MeasuredValue, type UnsentRecord } from './meterRecords';
import type { RadioStop } from './radioRoute';

export type { ReceiverKind };

export interface HeardValue {
  readonly registerId: number;
  readonly value: string;
}

export interface HeardMeter {
  readonly usagePointId: string;
  readonly heardAt: string;
  readonly accessNumber: number | null;
  /** Values for the stop's registers; empty when the telegram could not be read. */
  readonly values: readonly HeardValue[];
  /** Why the last telegram gave no values (heard, cannot decrypt…); null when it did. */
  readonly reason: MbusReason | null;
  readonly records: readonly DataRecord[];
  /** Values the meter kept on its due days, and the qualities its status byte gives (saved with the values). */
  readonly dueDayValues: readonly DueDayValue[];
  readonly meterQualities: readonly string[];
  /** The meter's other values (flow, power, temperatures…) as readings of their own, and the records no ReadingType says. */
  readonly measured: readonly MeasuredValue[];
  readonly unsent: readonly UnsentRecord[];
  /** The alarms the last readable telegram raised: each onset told once, with the saved reading. */
  readonly alarms: MeterAlarmsAt;
  /** The reading set saved from what was heard, once saved. */
  readonly readingSetId: string | null;
  /** Why saving at once did not happen (a value out of range needs the technician). */
  readonly saveProblem: string | null;
}

/** A meter heard that is not on the route (or any meter, listening without a route): counted and shown, never saved. */
export interface OtherMeter {
  readonly manufacturer: string | null;
  readonly id: string | null;
  readonly heardAt: string;
  readonly accessNumber: number | null;
  readonly reason: MbusReason | null;
  readonly records: readonly DataRecord[];
}

export interface ListenCounts {
  readonly stops: number;
  readonly heard: number;
  readonly notHeard: number;
  readonly notOnRoute: number;
  readonly duplicates: number;
  readonly damaged: number;
  readonly unreadable: number;
}

export interface ListenSessionOptions {
  readonly store: Store;
  readonly actor: () => Actor;
  readonly receiver: ReceiverKind;
  readonly stops: readonly RadioStop[];
  /** M-Bus keys by manufacturer and id ("KAM44556677"), opened once for the session. */
  readonly keys: ReadonlyMap<string, Uint8Array>;
  readonly aes: AesCipher;
  readonly autoSave: boolean;
  readonly settings: ValidationSettings;
  readonly photoDir: string;
  readonly now?: () => Date;
  /** How long meters heard first wait to be auto-saved together (autoSaveBatch.ts). */
  readonly batch?: AutoSaveBatchOptions;
  /** After each telegram that changed what is shown, and after an auto-save batch. */
  readonly onChange?: () => void;
}

export interface ListenSession {
  feed(chunk: Uint8Array): void;
  heard(): readonly HeardMeter[];
  /** The meters heard that are not on the route, latest telegram each. */
  others(): readonly OtherMeter[];
  counts(): ListenCounts;
  /** Stops not heard since `since` (ISO), in route order: for a manual visit. */
  notHeardSince(since: string): readonly RadioStop[];
  save(usagePointId: string): { readingSetId: string };
  saveAllHeard(): { saved: number; skipped: number };
  /** Saves the meters waiting for their auto-save now (Stop, an unplugged receiver, the end of listening). */
  flush(): void;
}

const isNewer = (access: number, last: number) => ((access - last) & 0xff) !== 0 && ((access - last) & 0xff) < 128;

export function createListenSession(options: ListenSessionOptions): ListenSession {
  const now = options.now ?? (() => new Date());
  const index = radioRouteIndex(options.stops);
  const byStop = new Map<string, HeardMeter>();
  const lastAccess = new Map<string, number>();
  const formats = formatBook();
  const fragments = fragmentBook();
  const others = new Map<string, OtherMeter>();
  const counts = { notOnRoute: 0, duplicates: 0, damaged: 0, unreadable: 0 };
  const imst = new ImstStream();
  const amber = new AmberStream();
  const rtl = new RtlWmbusStream();

  const telegramsOf = (chunk: Uint8Array): Uint8Array[] => {
    if (options.receiver === 'im871a') {
      const { frames, damaged } = imst.feed(chunk);
      counts.damaged += damaged;
      return frames.flatMap((f) => imstTelegram(f) ?? []);
    }
    if (options.receiver === 'rtlwmbus') {
      const { frames, damaged } = rtl.feed(chunk);
      counts.damaged += damaged;
      return frames.map((f) => f.telegram);
    }
    const { frames, damaged } = amber.feed(chunk);
    counts.damaged += damaged;
    return frames.flatMap((f) => amberTelegram(f, true)?.telegram ?? []);
  };

  /**
   * Who was signed in when each meter waiting for its batch was heard: its reading and audit row
   * carry that name, though the profile signs out or changes before the window closes.
   */
  const heardBy = new Map<string, Actor>();
  /** The profile signed in now, or the code of why there is none (shown as the meter's save problem). */
  const signedIn = (): Actor | { readonly problem: string } => {
    try {
      return options.actor();
    } catch (error) {
      if (error instanceof AppError) return { problem: error.code };
      throw error;
    }
  };

  /** One meter's reading through the reading checks, in its own mutation (a savepoint inside a batch). */
  const write = (heard: HeardMeter, actor: Actor = options.actor()): string =>
    saveManualReadings(
      options.store,
      actor,
      {
        usagePointId: heard.usagePointId,
        values: heard.values,
        dueDayValues: heard.dueDayValues,
        meterQualities: heard.meterQualities,
        measured: heard.measured,
        unsentRecords: heard.unsent,
        meterAlarms: heard.alarms,
        source: 'radio',
        via: 'wmbus',
      },
      { settings: options.settings, photoDir: options.photoDir, now: new Date(heard.heardAt) },
    ).readingSetId;

  const save = (usagePointId: string): { readingSetId: string } => {
    const heard = byStop.get(usagePointId);
    if (!heard || heard.values.length === 0)
      throw new AppError('VALIDATION', 'This meter has not been heard with values.', { reason: 'listen.notHeard' });
    batch.drop(usagePointId); // a tap before its batch: saved once
    heardBy.delete(usagePointId);
    if (heard.readingSetId) return { readingSetId: heard.readingSetId };
    const readingSetId = write(heard);
    byStop.set(usagePointId, { ...heard, readingSetId, saveProblem: null });
    return { readingSetId };
  };

  /** The meters in one transaction (autoSaveBatch.ts); what each got is shown once committed. */
  const saveTogether = (usagePointIds: readonly string[], actorOf: (id: string) => Actor): { saved: number; refused: number } => {
    const unsaved = usagePointIds.flatMap((id) => {
      const heard = byStop.get(id);
      return heard && !heard.readingSetId && heard.values.length > 0 ? [heard] : [];
    });
    let saved = 0;
    for (const [heard, result] of saveInOneTransaction(options.store, unsaved, (h) => write(h, actorOf(h.usagePointId)))) {
      const current = byStop.get(heard.usagePointId) ?? heard;
      if ('readingSetId' in result) saved++;
      byStop.set(heard.usagePointId, { ...current, ...result, ...('readingSetId' in result ? { saveProblem: null } : {}) });
    }
    return { saved, refused: unsaved.length - saved };
  };
  const batch = autoSaveBatch((ids) => {
    const by = new Map(ids.map((id) => [id, heardBy.get(id)]));
    for (const id of ids) heardBy.delete(id);
    saveTogether(ids, (id) => by.get(id) ?? options.actor());
    options.onChange?.();
  }, options.batch);

  const hear = (telegram: Uint8Array) => {
    const result = decodeTelegram(telegram, {
      keyFor: (h) => (h.manufacturer && h.id ? options.keys.get(`${h.manufacturer}${h.id}`) : undefined),
      aes: options.aes,
      formats,
      fragments,
    });
    const header = result.ok ? result.telegram : result.header;
    const stop = header ? index.match(header.manufacturer, header.id) : undefined;
    if (!header || !stop) {
      if (!header) {
        counts.damaged++;
        return;
      }
      counts.notOnRoute++;
      others.set(`${header.manufacturer}${header.id}`, {
        manufacturer: header.manufacturer,
        id: header.id,
        heardAt: now().toISOString(),
        accessNumber: header.accessNumber,
        reason: result.ok ? null : result.reason,
        records: result.ok ? result.telegram.records : [],
      });
      return;
    }
    const access = header.accessNumber;
    const last = lastAccess.get(stop.usagePointId);
    if (access !== null && last !== undefined && !isNewer(access, last)) {
      counts.duplicates++; // the same telegram heard twice, or an old one sent again: never used
      return;
    }
    if (!result.ok) counts.unreadable++;
    // An unreadable telegram (no key, wrong key) keeps its access number unclaimed: the genuine one may follow.
    if (result.ok && access !== null) lastAccess.set(stop.usagePointId, access);
    const previous = byStop.get(stop.usagePointId);
    const records = result.ok ? result.telegram.records : [];
    const reading = meterReadingOf(records, result.ok ? result.telegram.status : null, stop.registers, header.deviceType);
    // A meter already saved keeps its reading: one reading per visit; what is shown stays the latest.
    const keepSaved = previous?.readingSetId ?? null;
    byStop.set(stop.usagePointId, {
      usagePointId: stop.usagePointId,
      heardAt: now().toISOString(),
      accessNumber: access,
      values: result.ok ? reading.values : (previous?.values ?? []),
      reason: result.ok ? null : result.reason,
      records: result.ok ? records : (previous?.records ?? []),
      dueDayValues: result.ok ? reading.dueDayValues : (previous?.dueDayValues ?? []),
      meterQualities: result.ok ? reading.meterQualities : (previous?.meterQualities ?? []),
      measured: result.ok ? reading.measured : (previous?.measured ?? []),
      unsent: result.ok ? reading.unsent : (previous?.unsent ?? []),
      alarms: result.ok
        ? {
            alarms: meterAlarms(result.telegram),
            sources: alarmSources(result.telegram),
            endDeviceType: endDeviceTypeOfMbus(header.deviceType),
          }
        : (previous?.alarms ?? { alarms: [], sources: [], endDeviceType: 0 }),
      readingSetId: keepSaved,
      saveProblem: previous?.saveProblem ?? null,
    });
    // Saved with the others heard first in the same short window, through the same checks (autoSaveBatch.ts).
    if (options.autoSave && result.ok && reading.values.length > 0 && !keepSaved) {
      const by = signedIn();
      if ('problem' in by) {
        // Nobody signed in: heard and shown with why it was not saved; a tap saves it once someone is.
        const entry = byStop.get(stop.usagePointId);
        if (entry) byStop.set(stop.usagePointId, { ...entry, saveProblem: by.problem });
        return;
      }
      heardBy.set(stop.usagePointId, by);
      batch.add(stop.usagePointId);
    }
  };

  return {
    feed(chunk) {
      const telegrams = telegramsOf(chunk);
      for (const telegram of telegrams) hear(telegram);
      if (telegrams.length) options.onChange?.();
    },
    heard: () => [...byStop.values()],
    others: () => [...others.values()],
    counts() {
      const heard = [...byStop.values()].length;
      return { stops: index.size, heard, notHeard: index.size - heard, ...counts };
    },
    notHeardSince(since) {
      return options.stops.filter((s) => {
        const heard = byStop.get(s.usagePointId);
        return !heard || heard.heardAt < since;
      });
    },
    save,
    saveAllHeard() {
      for (const id of batch.pending()) batch.drop(id);
      heardBy.clear();
      // The tap's profile for every meter, in transactions the size auto-save writes (a commit each; one turn of the event loop for all).
      const actor = options.actor();
      const ids = [...byStop.keys()];
      let saved = 0;
      let skipped = 0;
      for (let at = 0; at < ids.length; at += AUTO_SAVE_MAX_METERS) {
        const done = saveTogether(ids.slice(at, at + AUTO_SAVE_MAX_METERS), () => actor);
        saved += done.saved;
        skipped += done.refused;
      }
      return { saved, skipped };
    },
    flush: () => batch.flush(),
  };
}
