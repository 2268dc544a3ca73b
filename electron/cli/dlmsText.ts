/**
 * What `dlms read` says in words (issue 16 §3): the meter read, and what `--save` stored, from the
 * CLI catalogs in the user's language. OBIS codes, values, units and times stay as the meter gave them.
 */
import type { CaptureResult } from '../../shared/dlms';
import type { OfferedObject } from '../../shared/dlms/objectList';
import { knownName } from '../../shared/i18n/meterNames';
import { cliMeterNames, cliWords, fill, reasonWords } from './language';
import { escapeControls } from './terminalText';

export interface ShownDlmsRead {
  meter: { manufacturer: string; ident: string; serial: string | null };
  medium: 'optical' | 'hdlc';
  baud: number;
  bytes: number;
  durationMs: number;
  clock: { meterTime: string; driftS: number } | null;
  registers: readonly { obis: string; value: string | null; unit: string | null }[];
  disconnect: { outputConnected: boolean | null; controlState: string | null } | null;
  profile: {
    obis: string;
    capturePeriodS: number;
    intervals: readonly { end: string; status: readonly string[]; values: readonly (string | null)[] }[];
  } | null;
}

export function dlmsReadText(r: ShownDlmsRead): string {
  const said = cliWords().dlms;
  const drift = (s: number) => `${s > 0 ? '+' : ''}${s.toFixed(1)} s`;
  const output = (connected: boolean | null) => (connected === null ? '?' : connected ? said.connected : said.disconnected);
  return [
    fill(said.meter, {
      manufacturer: r.meter.manufacturer,
      ident: r.meter.ident,
      serial: r.meter.serial ? fill(said.serial, { serial: r.meter.serial }) : '',
      medium: r.medium === 'hdlc' ? said.directHdlc : said.modeE,
      baud: r.baud,
      bytes: r.bytes,
      ms: r.durationMs,
    }),
    r.clock ? fill(said.clock, { time: r.clock.meterTime, drift: drift(r.clock.driftS) }) : said.clockNotRead,
    r.disconnect
      ? fill(said.disconnect, { state: r.disconnect.controlState ?? '?', output: output(r.disconnect.outputConnected) })
      : said.noDisconnect,
    ...r.registers.map((g) => `  ${g.obis.padEnd(16)} ${g.value ?? said.noValue} ${g.unit ?? ''}`),
    ...(r.profile
      ? [
          fill(said.profile, { obis: r.profile.obis, count: r.profile.intervals.length, minutes: r.profile.capturePeriodS / 60 }),
          ...r.profile.intervals.map(
            (i) => `  ${i.end}  ${i.values.map((v) => v ?? '-').join('  ')}${i.status.length ? `  [${i.status.join(', ')}]` : ''}`,
          ),
        ]
      : []),
  ].join('\n');
}

export interface SavedDlmsRead {
  serial: string | null;
  readings: readonly { readingType: string; value: string | number }[];
  profileMessageId: string | null;
}

/** What `dlms read --save` stored at the stop, and whether the load profile went to the outbox. */
export function dlmsSavedText(usagePoint: string, saved: SavedDlmsRead): string {
  const said = cliWords().dlms;
  return [
    fill(said.saved, { count: saved.readings.length, usagePoint, serial: saved.serial ?? '?' }),
    ...saved.readings.map((r) => `  ${r.readingType}  ${r.value}`),
    saved.profileMessageId ? fill(said.profileQueued, { messageId: saved.profileMessageId }) : said.noProfile,
  ].join('\n');
}

/** `dlms decode`'s table: the frames, the APDU and each object's OBIS code, value and where it sits. */
export function captureText(result: CaptureResult): string {
  const said = cliWords().dlms;
  const ciphering = result.encrypted ? (result.decrypted ? said.decrypted : said.notDecrypted) : '';
  const lines = [
    result.frames.length ? fill(said.frames, { count: result.frames.length, ok: result.frames.filter((f) => f.ok).length }) : said.bareApdu,
    fill(said.apdu, { apdu: result.apdu ?? said.noApdu, ciphering }),
  ];
  for (const o of result.objects) {
    const where = o.classId === null ? '' : `  ${said.objectClass} ${o.classId} ${said.attribute} ${o.attribute}`;
    lines.push(`  ${(o.obis ?? '-').padEnd(18)} ${`${o.value ?? 'null'}${o.unit ? ` ${o.unit}` : ''}`.padEnd(28)}${where}`);
  }
  // What could not be read, each reason once: a damaged frame's, then the APDU's (decryption, format).
  const reasons = new Set([...result.frames.flatMap((f) => (f.reason ? [f.reason] : [])), ...(result.reason ? [result.reason] : [])]);
  for (const reason of reasons) lines.push(fill(said.notRead, { reason: reasonWords(reason) }));
  return lines.join('\n');
}

/**
 * `dlms read --objects`: each offered object's OBIS code, interface class id and version, and the
 * class in words (DLMS UA 1000-1 names, shared with the screen: shared/i18n/meterNames.*).
 */
export function meterObjectsText(
  meter: { manufacturer: string; ident: string },
  baud: number,
  offered: readonly OfferedObject[] | null,
): string {
  const said = cliWords().dlms;
  const names = cliMeterNames();
  if (offered === null) return escapeControls(fill(said.objectsUnreadable, meter));
  return escapeControls(
    [
      fill(said.objects, { ...meter, count: offered.length, baud }),
      ...offered.map(
        (o) =>
          `  ${o.obis.padEnd(18)} ${said.objectClass} ${String(o.classId).padStart(3)} v${o.version}  ${knownName(names.dlmsClass, o.classId) ?? said.classUnknown}`,
      ),
    ].join('\n'),
  );
}
