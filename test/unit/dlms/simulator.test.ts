import { describe, expect, it } from 'vitest';
import {
  concat,
  decodeAare,
  decodeApdu,
  decodeFrame,
  decodeValue,
  encodeAarq,
  encodeApdu,
  encodeDateTime,
  encodeFrame,
  obisToBytes,
  octets,
  parseCaptureObjects,
  profileRows,
  RLRQ,
  SegmentReassembler,
  structure,
  u16,
  i8,
  type Control,
  type DlmsValue,
  type HdlcAddress,
  type XdlmsApdu,
} from '../../../shared/dlms';
import { DlmsMeterSimulator } from '../../../shared/dlms/simulator/meterSimulator';

const NOW = Date.UTC(2026, 11, 7, 3, 7, 0);
const client: HdlcAddress = { upper: 0x10, lower: null, size: 1 };
const meterAddress: HdlcAddress = { upper: 1, lower: 17, size: 2 };
const ln = (obis: string) => obisToBytes(obis) ?? new Uint8Array(6);

/** A minimal client for the tests: I-frames out, segments joined with RR, blocks fetched with GET next. */
class TestClient {
  private send = 0;
  private receive = 0;
  frames = 0;
  constructor(readonly meter: DlmsMeterSimulator) {}

  private exchange(control: Control, info?: Uint8Array) {
    const replies = this.meter.receive(encodeFrame({ destination: meterAddress, source: client, control, info }));
    this.frames += replies.length;
    return replies.map((r) => decodeFrame(r).frame);
  }

  connect() {
    return this.exchange({ kind: 'SNRM', poll: true })[0];
  }

  request(apdu: Uint8Array): Uint8Array {
    const joiner = new SegmentReassembler();
    let replies = this.exchange(
      { kind: 'I', send: this.send, receive: this.receive, poll: true },
      concat(Uint8Array.of(0xe6, 0xe6, 0), apdu),
    );
    this.send = (this.send + 1) & 7;
    for (;;) {
      const frame = replies[0];
      if (!frame || frame.control.kind !== 'I') throw new Error(`no I-frame: ${frame?.control.kind}`);
      this.receive = (frame.control.send + 1) & 7;
      const whole = joiner.push(frame);
      if (whole) return whole;
      replies = this.exchange({ kind: 'RR', receive: this.receive, poll: true });
    }
  }

  get(apdu: XdlmsApdu): DlmsValue {
    let response = decodeApdu(this.request(encodeApdu(apdu)));
    const blocks: Uint8Array[] = [];
    while (response.kind === 'get-response-block') {
      if (response.raw) blocks.push(response.raw);
      if (response.lastBlock) return decodeValue(concat(...blocks));
      response = decodeApdu(
        this.request(encodeApdu({ kind: 'get-request-next', invokeId: response.invokeId, blockNumber: response.blockNumber })),
      );
    }
    if (response.kind !== 'get-response' || !response.result.ok) throw new Error(`GET failed: ${JSON.stringify(response)}`);
    return response.result.value;
  }
}

const lls = (password: string) => encodeAarq({ authentication: { mechanism: 'low', password: new TextEncoder().encode(password) } });

describe('the DLMS meter simulator', () => {
  it('answers SNRM with UA and its parameters, refuses a wrong LLS password, associates with the right one', () => {
    const meter = new DlmsMeterSimulator({ password: '12345678', days: 1, now: () => NOW });
    const c = new TestClient(meter);
    expect(c.connect()?.control.kind).toBe('UA');
    const refused = decodeAare(c.request(lls('00000000')));
    expect(refused).toMatchObject({ accepted: false, diagnostic: 13 });
    expect(meter.refusals).toBe(1);
    expect(decodeAare(c.request(lls('12345678'))).accepted).toBe(true);
    expect(c.request(RLRQ)[0]).toBe(0x63);
  });

  it('serves a 7-day 4-channel 15-minute profile in segmented frames and blocks, with interval status', () => {
    const meter = new DlmsMeterSimulator({ password: 'pw', days: 7, now: () => NOW, maxPdu: 512, maxInfo: 128 });
    const c = new TestClient(meter);
    c.connect();
    c.request(lls('pw'));
    const profile = (index: number) => ({ classId: 7, logicalName: ln('1-0:99.1.0.255'), index });
    const columns = parseCaptureObjects(c.get({ kind: 'get-request', invokeId: 0xc1, reference: profile(3), access: null }));
    expect(columns.map((col) => col.obis)).toEqual([
      '0-0:1.0.0.255',
      '0-0:96.10.1.255',
      '1-0:1.8.0.255',
      '1-0:2.8.0.255',
      '1-0:3.8.0.255',
      '1-0:4.8.0.255',
    ]);
    const rows = profileRows(c.get({ kind: 'get-request', invokeId: 0xc1, reference: profile(2), access: null }), columns);
    expect(rows).toHaveLength(7 * 96);
    expect(c.frames).toBeGreaterThan(100);
    expect(rows[96]?.status).toEqual(['data-not-valid', 'power-down']);
    expect(rows[97]?.status).toEqual(['clock-adjusted']);
    expect((rows.at(-1)?.time ?? 0) - (rows[0]?.time ?? 0)).toBe((7 * 96 - 1) * 900_000);
    // range access: the last two hours only
    const range = structure(
      structure(u16(8), octets(ln('0-0:1.0.0.255')), i8(2), u16(0)),
      octets(encodeDateTime(NOW - 2 * 3600_000, -60)),
      octets(encodeDateTime(NOW, -60)),
      { type: 'array', items: [] },
    );
    const recent = profileRows(
      c.get({ kind: 'get-request', invokeId: 0xc1, reference: profile(2), access: { selector: 1, parameters: range } }),
      columns,
    );
    expect(recent).toHaveLength(8);
  });

  it('sets the clock, switches the disconnect control, and refuses what it does not have', () => {
    const meter = new DlmsMeterSimulator({ password: 'pw', days: 1, now: () => NOW });
    const c = new TestClient(meter);
    c.connect();
    c.request(lls('pw'));
    const clock = { classId: 8, logicalName: ln('0-0:1.0.0.255'), index: 2 };
    const set = decodeApdu(
      c.request(
        encodeApdu({ kind: 'set-request', invokeId: 1, reference: clock, access: null, value: octets(encodeDateTime(NOW + 90_000, -60)) }),
      ),
    );
    expect(set).toMatchObject({ kind: 'set-response', result: 0 });
    expect(meter.objects.clockOffsetMs).toBe(90_000);
    const disconnect = { classId: 70, logicalName: ln('0-0:96.3.10.255'), index: 1 };
    expect(
      decodeApdu(
        c.request(encodeApdu({ kind: 'action-request', invokeId: 1, reference: disconnect, parameters: { type: 'int8', value: 0 } })),
      ),
    ).toMatchObject({ result: 0 });
    expect(c.get({ kind: 'get-request', invokeId: 1, reference: { ...disconnect, index: 3 }, access: null })).toEqual({
      type: 'enum',
      value: 0,
    });
    expect(
      decodeApdu(c.request(encodeApdu({ kind: 'get-request', invokeId: 1, reference: { ...clock, classId: 3 }, access: null }))),
    ).toMatchObject({ result: { ok: false, accessResult: 4 } });
  });
});
