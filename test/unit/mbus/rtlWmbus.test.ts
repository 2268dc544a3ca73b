/**
 * rtl-wmbus's text output read as a receiver. The lines are published ones:
 * - wmbusmeters tests/test_rtlwmbus_nc.sh (fed to wmbusmeters as `rtlwmbus:…`), a Sensus iPERL
 *   water meter it reads as total_m3 123.529;
 * - the C1 line quoted in wmbusmeters src/wmbus_rtlwmbus.cc (checkRTLWMBUSFrame), a Qundis (QDS) telegram;
 * - the column order as the xaelsouth/rtl-wmbus README gives it and t1_c1_packet_decoder.h prints it.
 */
import { describe, expect, it } from 'vitest';
import { decodeTelegram, readRtlWmbusLine, RtlWmbusStream, rtlWmbusLine, simulateWalk, toHex } from '../../../shared/mbus';
import { nodeAes } from '../../../electron/services/mbus/nodeAes';

const IPERL = 'T1;1;1;2019-04-03 19:00:42.000;97;148;33225544;0x1844AE4C4455223368077A55000000041389E20100023B0000';
const QUNDIS_C1 =
  'C1;1;1;2019-02-09 07:14:18.000;117;102;94740459;0x49449344590474943508780dff5f3500827f0000f10007b06effff530100005f2c620100007f2118010000008000800080008000000000000000000e003f005500d4ff2f046d10086922';
const text = (s: string) => new TextEncoder().encode(s);

describe('rtl-wmbus lines', () => {
  it('reads a published T1 line into the frame it carries, and decodes it to the value wmbusmeters shows', () => {
    const [heard] = readRtlWmbusLine(IPERL) ?? [];
    expect(heard).toMatchObject({ mode: 'T1', timestamp: '2019-04-03 19:00:42.000', rssi: 97 });
    const result = decodeTelegram(heard!.telegram);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.telegram).toMatchObject({ manufacturer: 'SEN', id: '33225544', deviceType: 'water', encryption: 'none' });
    expect(result.telegram.records[0]).toMatchObject({ value: '123.529', unit: 'm3', quantity: 'volume' });
  });

  it('reads a published C1 line: the frame with its L field and without CRCs names its sender', () => {
    const [heard] = readRtlWmbusLine(QUNDIS_C1) ?? [];
    expect(heard?.mode).toBe('C1');
    expect(heard!.telegram[0]).toBe(heard!.telegram.length - 1);
    const result = decodeTelegram(heard!.telegram);
    const header = result.ok ? result.telegram : result.header;
    expect(header).toMatchObject({ manufacturer: 'QDS', id: '94740459' });
  });

  it('drops a line damaged on the air (CRC or 3-out-of-6 error) and anything that is not a telegram line', () => {
    expect(readRtlWmbusLine(IPERL.replace('T1;1;1', 'T1;0;1'))).toBeNull();
    expect(readRtlWmbusLine(IPERL.replace('T1;1;1', 'T1;1;0'))).toBeNull();
    expect(readRtlWmbusLine('Using device 0: Generic RTL2832U OEM')).toBeNull();
    expect(readRtlWmbusLine(IPERL.replace('0x1844', '0x184'))).toBeNull();
  });

  it('takes a second datagram on the same line and empty RSSI columns, as wmbusmeters does', () => {
    const hex = IPERL.slice(IPERL.indexOf('0x'));
    const two = readRtlWmbusLine(`T1;1;1;2020-07-19 05:28:57.000;46;;;${hex};${hex}`);
    expect(two).toHaveLength(2);
    expect(two?.[0]?.rssi).toBe(46);
  });

  it('reads lines from any chunking, CR LF or LF, counting damaged ones and skipping blank ones', () => {
    const stream = new RtlWmbusStream();
    const all = text(`${IPERL}\r\n\n${IPERL.replace('T1;1;1', 'T1;0;0')}\n${QUNDIS_C1}\n${IPERL}`);
    const frames: string[] = [];
    let damaged = 0;
    for (let i = 0; i < all.length; i += 7) {
      const r = stream.feed(all.subarray(i, i + 7));
      frames.push(...r.frames.map((f) => f.mode));
      damaged += r.damaged;
    }
    // The last line has no line feed yet: it comes when the line ends.
    expect(frames).toEqual(['T1', 'C1']);
    expect(damaged).toBe(1);
    expect(stream.feed(text('\n')).frames).toHaveLength(1);
  });

  it('forgets an endless line instead of keeping it', () => {
    const stream = new RtlWmbusStream();
    expect(stream.feed(text('x'.repeat(5000))).damaged).toBe(1);
    expect(stream.feed(text(`\n${IPERL}\n`)).frames).toHaveLength(1);
  });

  it('prints a frame as rtl-wmbus does, and the simulated walk sends such lines', () => {
    const frame = readRtlWmbusLine(IPERL)![0]!.telegram;
    const line = rtlWmbusLine(frame, { mode: 'T1', at: new Date(Date.UTC(2019, 3, 3, 19, 0, 42)), rssi: 97 });
    expect(line).toBe(`T1;1;1;2019-04-03 19:00:42.000;97;97;33225544;0x${toHex(frame).toLowerCase()}\n`);
    const walk = simulateWalk([{ manufacturer: 'KAM', id: '44556677', version: 1, deviceType: 7, volume: '1.5' }], {
      receiver: 'rtlwmbus',
      seed: 3,
      durationMs: 60_000,
      intervalMs: 8000,
      lossRate: 0,
      aes: nodeAes,
    });
    const lines = walk.map((t) => new RtlWmbusStream().feed(t.bytes).frames[0]!);
    expect(lines.length).toBeGreaterThan(3);
    const first = decodeTelegram(lines[0]!.telegram);
    expect(first.ok && first.telegram.records[0]?.value).toBe('1.500');
  });
});
