/**
 * The wired M-Bus master against the simulated bus (EN 13757-2/-3), in memory, on a clock moved
 * by hand: a silent meter's wait ends when the bus has nothing to say, never on a timer. The bus
 * holds three meters with the RSP_UD frames libmbus publishes (test/test-frames, see
 * electron/services/mbus/trainingWired.ts).
 */
import { describe, expect, it } from 'vitest';
import { trainingWiredMeters } from '../../../electron/services/mbus/trainingWired';
import {
  applicationReset,
  decodeTelegram,
  hexBytes,
  longFrame,
  replyTimeoutMs,
  reqUd2,
  secondaryMask,
  selectRequest,
  toHex,
  wiredBus,
  wiredMaster,
  type MasterClock,
  type WiredMeterProfile,
} from '../../../shared/mbus';

/** A bus on an in-memory line; `drop` loses the bus's next n telegrams (noise on the line). */
function onBus(meters: readonly WiredMeterProfile[]) {
  const bus = wiredBus(meters);
  const timers = new Set<() => void>();
  const waits: number[] = [];
  const clock: MasterClock = {
    after(ms, fn) {
      waits.push(ms);
      const fire = () => {
        timers.delete(fire);
        fn();
      };
      timers.add(fire);
      return () => timers.delete(fire);
    },
  };
  const written: string[] = [];
  let listener: (bytes: Uint8Array) => void = () => undefined;
  const state = { drop: 0 };
  const line = {
    async write(bytes: Uint8Array) {
      written.push(toHex(bytes));
      const answer = bus.answer(bytes);
      const lost = answer !== null && answer.length > 1 && state.drop > 0 && state.drop-- > 0;
      // The answer, or (when the bus stays silent) the master's wait running out.
      queueMicrotask(() => (answer && !lost ? listener(answer) : [...timers].forEach((t) => t())));
    },
    onData(l: (bytes: Uint8Array) => void) {
      listener = l;
      return () => undefined;
    },
  };
  return { master: wiredMaster(line, { clock, baud: 2400 }), written, waits, state };
}

describe('wired M-Bus master', () => {
  it('waits 330 bit times + 50 ms for an answer (188 ms at 2400 baud, 85 ms at 9600)', () => {
    expect(replyTimeoutMs(2400)).toBe(188);
    expect(replyTimeoutMs(9600)).toBe(85);
  });

  it('scans primary addresses: present ones answer E5, a silent one is asked three times', async () => {
    const { master, written, waits } = onBus(trainingWiredMeters);
    const progress: string[] = [];
    expect(await master.scan(0, 6, (a, r) => progress.push(`${a}:${r}`))).toEqual([1, 2, 5]);
    expect(progress).toEqual(['0:absent', '1:present', '2:present', '3:absent', '4:absent', '5:present', '6:absent']);
    // SND_NKE to 3: 10 40 03 43 16, three tries.
    expect(written.filter((w) => w === '1040034316')).toHaveLength(3);
    expect(new Set(waits)).toEqual(new Set([188]));
  });

  it('reads a meter: SND_NKE, then REQ_UD2 with FCB set; the answer decodes to the published values', async () => {
    const { master, written } = onBus(trainingWiredMeters);
    const frames = await master.read(2);
    expect(written).toEqual(['1040024216', '107B027D16']);
    expect(frames).toHaveLength(1);
    const decoded = decodeTelegram(frames[0]!);
    expect(decoded.ok && [decoded.telegram.manufacturer, decoded.telegram.id]).toEqual(['ACW', '09011523']);
  });

  it('follows a multi-telegram answer by toggling the FCB, and repeats a request unchanged when the answer is lost', async () => {
    // Two telegrams of one meter: the first ends with DIF 1F ("more records follow", EN 13757-3).
    const header = hexBytes('78563412 C514 00 07 01 00 0000');
    const first = longFrame(0x08, 7, 0x72, Uint8Array.from([...header, ...hexBytes('0C13 78563412 1F')]));
    const second = longFrame(0x08, 7, 0x72, Uint8Array.from([...header, ...hexBytes('0C13 11111111')]));
    const { master, written } = onBus([{ primary: 7, telegrams: [first, second] }]);
    const frames = await master.read(7);
    expect(frames.map((f) => toHex(f))).toEqual([toHex(first), toHex(second)]);
    expect(written.slice(1)).toEqual([toHex(reqUd2(7, true)), toHex(reqUd2(7, false))]);

    // The second answer lost once: the request is repeated with the same FCB and gets the same telegram.
    const lostOnce = onBus([{ primary: 7, telegrams: [first, second] }]);
    lostOnce.state.drop = 1; // the answer to the first REQ_UD2
    const read = await lostOnce.master.read(7);
    expect(read.map((f) => toHex(f))).toEqual([toHex(first), toHex(second)]);
    expect(lostOnce.written).toEqual(['1040074716', toHex(reqUd2(7, true)), toHex(reqUd2(7, true)), toHex(reqUd2(7, false))]);
  });

  it('application reset (SND_UD CI 0x50) before the read, with and without subcode; data send (CI 0x51) is confirmed', async () => {
    // EN 13757-3 / libmbus mbus_send_application_reset_frame: 68 04 04 68 53 A 50 subcode CS 16; without subcode L = 3.
    const { master, written } = onBus(trainingWiredMeters);
    const frames = await master.read(2, { applicationReset: 0x10 });
    expect(written).toEqual(['1040024216', '6804046853025010B516', '107B027D16']);
    expect(frames).toHaveLength(1);
    expect(await master.applicationReset(2)).toBe('present');
    expect(written.at(-1)).toBe('68030368530250A516');
    expect(await master.sendData(2, hexBytes('0C13'))).toBe('present');
    expect(written.at(-1)).toBe('680505685302510C13C516');
    // A meter that does not confirm the reset is not read.
    const silent = onBus(trainingWiredMeters);
    expect(await silent.master.read(3, { applicationReset: null })).toEqual([]);
  });

  it('a meter of several telegrams answers from its first one again after an application reset', async () => {
    const header = hexBytes('78563412 C514 00 07 01 00 0000');
    const first = longFrame(0x08, 7, 0x72, Uint8Array.from([...header, ...hexBytes('0C13 78563412 1F')]));
    const second = longFrame(0x08, 7, 0x72, Uint8Array.from([...header, ...hexBytes('0C13 11111111')]));
    const bus = wiredBus([{ primary: 7, telegrams: [first, second] }]);
    expect(toHex(bus.answer(reqUd2(7, true))!)).toBe(toHex(first));
    expect(toHex(bus.answer(reqUd2(7, false))!)).toBe(toHex(second));
    expect(bus.answer(applicationReset(7, 0x00))).toEqual(Uint8Array.of(0xe5));
    expect(toHex(bus.answer(reqUd2(7, true))!)).toBe(toHex(first));
    expect(bus.resets().get(7)).toEqual([0x00]);
  });

  it('finds every secondary address behind a full wildcard by narrowing the digits where meters collide', async () => {
    const { master } = onBus(trainingWiredMeters);
    const found: string[] = [];
    const all = await master.search('FFFFFFFFFFFFFFFF', (a) => found.push(a));
    expect(all.sort()).toEqual(['0499025414C50006', '0901152304771407', '4449395115932F04']);
    expect(found).toHaveLength(3);
    // A narrower mask finds only its own.
    expect(await master.search(secondaryMask('09')!)).toEqual(['0901152304771407']);
    expect(await master.search(secondaryMask('12345678')!)).toEqual([]);
  });

  it('selects one meter by its secondary address and reads it at address 253', async () => {
    const { master, written } = onBus(trainingWiredMeters);
    const frames = await master.readSecondary('4449395115932F04');
    expect(written[0]).toBe(toHex(selectRequest('4449395115932F04')));
    // EN 13757-3 selection: id 44493951 as BCD, least significant byte first; manufacturer 1593 (ELS), version 2F, medium 04 (heat).
    expect(toHex(selectRequest('4449395115932F04'))).toBe('680B0B6853FD525139494493152F049416');
    expect(frames).toHaveLength(1);
    // The published frame, answered at the primary address the simulator gave it (5).
    const decoded = decodeTelegram(frames[0]!);
    expect(decoded.ok && [decoded.telegram.manufacturer, decoded.telegram.id]).toEqual(['ELS', '44493951']);
    expect(frames[0]![5]).toBe(5);
  });
});
