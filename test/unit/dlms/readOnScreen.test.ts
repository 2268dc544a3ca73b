/**
 * The pure parts of a DLMS read on the Read panel (issue 22 item 2): the meter's object list in
 * groups, the time-left estimate from the line alone, and the AARQ's password kept out of the
 * transcript.
 */
import { describe, expect, it } from 'vitest';
import {
  className,
  encodeAarq,
  estimatedMsLeft,
  expectedReadBytes,
  groupObjects,
  HdlcClient,
  offeredObjects,
  offersLoadProfile,
  objectListPlan,
  type CosemResponse,
} from '../../../shared/dlms';
import { maskAuthenticationValue } from '../../../shared/dlms/transcriptMask';
import { MeterObjects } from '../../../shared/dlms/simulator/meterObjects';

const NOW = Date.UTC(2026, 11, 7, 3, 7, 0);

/** The object list as the simulated meter answers it, as a read's response. */
function listed(): CosemResponse[] {
  const request = objectListPlan().next().value;
  if (!request) throw new Error('the plan asks for nothing');
  return [{ request, at: NOW, ok: true, value: new MeterObjects(() => NOW, 1).objectList() }];
}

describe('the object list the meter offers', () => {
  it('groups registers, profiles, clock, disconnect control and event logs, each in the meter order', () => {
    const offered = offeredObjects(listed());
    expect(offered).not.toBeNull();
    const groups = groupObjects(offered ?? []);
    const byGroup = Object.fromEntries(groups.map((g) => [g.group, g.objects.map((o) => o.obis)]));
    expect(byGroup.registers?.slice(0, 4)).toEqual(['1-0:1.8.0.255', '1-0:2.8.0.255', '1-0:3.8.0.255', '1-0:4.8.0.255']);
    expect(byGroup.profiles).toEqual(['1-0:99.1.0.255']);
    expect(byGroup.clock).toEqual(['0-0:1.0.0.255']);
    expect(byGroup.disconnect).toEqual(['0-0:96.3.10.255']);
    // 0-0:99.98.0.255 is a profile too (class 7), but the standard event log (IEC 62056-6-1 §7.4)
    expect(byGroup.eventLogs).toEqual(['0-0:99.98.0.255']);
    expect(byGroup.other).toEqual(expect.arrayContaining(['0-0:40.0.0.255', '0-0:96.1.0.255']));
    expect(offersLoadProfile(offered ?? [])).toBe(true);
  });

  it('offers no load profile when only an event log is listed, and names the classes it knows', () => {
    expect(offersLoadProfile([{ obis: '0-0:99.98.0.255', classId: 7, version: 1 }])).toBe(false);
    expect(className(70)).toBe('Disconnect control');
    expect(className(15)).toBe('Association LN');
    expect(className(9999)).toBeNull();
  });

  it('is null when the meter refused the list, never a guessed one', () => {
    const [answer] = listed();
    if (!answer) throw new Error('no answer');
    expect(offeredObjects([{ request: answer.request, at: NOW, ok: false, accessResult: 3 }])).toBeNull();
    expect(offeredObjects([{ request: answer.request, at: NOW, ok: true, value: { type: 'uint8', value: 1 } }])).toBeNull();
  });
});

describe('the time left of a DLMS read, from the line alone', () => {
  it('is the bytes to come at 10 bits each plus one turnaround per frame', () => {
    // 9600 bytes at 9600 Bd: 10 s on the wire; 69 frames of 128 + 13 octets, 50 ms each.
    expect(estimatedMsLeft({ expectedBytes: 9600, bytes: 0, baud: 9600, maxInfo: 128 })).toBe(10_000 + 69 * 50);
    expect(estimatedMsLeft({ expectedBytes: 9600, bytes: 4800, baud: 9600, maxInfo: 128, turnaroundMs: 0 })).toBe(5000);
    // a read that brings more than expected keeps a tenth ahead, never says zero while bytes come
    expect(estimatedMsLeft({ expectedBytes: 1000, bytes: 2000, baud: 9600, maxInfo: 128, turnaroundMs: 0 })).toBe(
      Math.round((200 * 10_000) / 9600),
    );
  });

  it('expects a row per quarter hour of the chosen days, with the HDLC framing', () => {
    const week = { profile: { from: 0, to: 7 * 86_400_000 } };
    // 672 rows × 38 octets + the read around them, and 13 octets of framing per 128
    expect(expectedReadBytes(week)).toBe(Math.ceil((1500 + 4 * 60 + 672 * 38) * (1 + 13 / 128)));
    expect(expectedReadBytes({})).toBe(Math.ceil((1500 + 4 * 60) * (1 + 13 / 128)));
    expect(expectedReadBytes(week)).toBeGreaterThan(expectedReadBytes({ profile: { from: 0, to: 86_400_000 } }));
  });
});

describe('the transcript of a DLMS read keeps no secret', () => {
  const frameOf = (apdu: Uint8Array) =>
    new HdlcClient({ upper: 0x20, lower: null, size: 1 }, { upper: 1, lower: 17, size: 2 }).request(apdu);
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

  it("masks the AARQ's LLS password and keeps the frame's shape", () => {
    const password = new TextEncoder().encode('secret01');
    const frame = frameOf(encodeAarq({ authentication: { mechanism: 'low', password } }));
    const masked = frame.slice();
    maskAuthenticationValue(masked);
    expect(text(frame)).toContain('secret01');
    expect(text(masked)).not.toContain('secret01');
    expect(text(masked)).toContain('\xac\x0a\x80\x08********');
    expect(masked).toHaveLength(frame.length);
    // only the password's octets changed
    expect([...masked].filter((b, i) => b !== frame[i])).toHaveLength(8);
  });

  it('masks the HLS challenge and leaves frames without an AARQ alone', () => {
    const challenge = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
    const frame = frameOf(encodeAarq({ authentication: { mechanism: 'hls-gmac', challenge }, clientSystemTitle: new Uint8Array(8) }));
    maskAuthenticationValue(frame);
    expect(Buffer.from(frame).includes(Buffer.from(challenge))).toBe(false);
    const get = frameOf(Uint8Array.of(0xc0, 0x01, 0xc1, 0x00, 0x0f, 0, 0, 40, 0, 0, 255, 2, 0));
    const before = get.slice();
    maskAuthenticationValue(get);
    expect(get).toEqual(before);
  });
});
