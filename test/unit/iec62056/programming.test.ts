import { describe, expect, it } from 'vitest';
import {
  answerValue,
  breakCommand,
  clockEpoch,
  clockFields,
  derivePassword,
  executeCommand,
  formatDate,
  formatTime,
  optionSelect,
  parseDate,
  parseTime,
  passwordCommand,
  ProgrammingAnswerReader,
  readCommand,
  writeCommand,
} from '../../../shared/iec62056';

// Byte fixtures written out by hand (BCC = XOR of everything after SOH/STX up to and including ETX).
const SOH = 0x01;
const STX = 0x02;
const ETX = 0x03;
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

describe('programming command messages (§6.3.7, §6.3.12)', () => {
  it('frames R1, W1, E2, P1 and B0 with their BCC', () => {
    expect(Array.from(readCommand('0.9.1'))).toEqual([SOH, ...ascii('R1'), STX, ...ascii('0.9.1()'), ETX, 0x5b]);
    expect(Array.from(writeCommand('0.9.1', '123456'))).toEqual([SOH, ...ascii('W1'), STX, ...ascii('0.9.1(123456)'), ETX, 0x59]);
    expect(Array.from(executeCommand('0.1.0'))).toEqual([SOH, ...ascii('E2'), STX, ...ascii('0.1.0()'), ETX, 0x46]);
    expect(Array.from(passwordCommand('P1', '00000000'))).toEqual([SOH, ...ascii('P1'), STX, ...ascii('(00000000)'), ETX, 0x61]);
    expect(Array.from(breakCommand())).toEqual([SOH, ...ascii('B0'), ETX, 0x71]);
  });

  it('selects programming mode with Y = 1 in the option select (§6.3.3)', () => {
    expect(Array.from(optionSelect('5', 'programming'))).toEqual([0x06, ...ascii('051\r\n')]);
  });
});

describe('programming answers', () => {
  it('reads ACK, NAK, the P0 operand, a data answer and an (ERxx) error, in any chunking', () => {
    const stream = Uint8Array.from([
      0x06,
      0x15,
      SOH,
      ...ascii('P0'),
      STX,
      ...ascii('(12345678)'),
      ETX,
      0x68,
      0x7f, // noise between messages
      STX,
      ...ascii('0.9.1(235959)'),
      ETX,
      0x3b,
      STX,
      ...ascii('(ER10)'),
      ETX,
      0x14,
    ]);
    const whole = new ProgrammingAnswerReader().feed(stream);
    expect(whole).toEqual([
      { kind: 'ack' },
      { kind: 'nak' },
      { kind: 'command', id: 'P0', data: '(12345678)', bccOk: true },
      { kind: 'data', text: '0.9.1(235959)', bccOk: true },
      { kind: 'error', code: 'ER10', bccOk: true },
    ]);
    const reader = new ProgrammingAnswerReader();
    expect(Array.from(stream).flatMap((b) => reader.feed(Uint8Array.of(b)))).toEqual(whole);
  });

  it('flags a bad BCC and masks the parity bit', () => {
    const [bad] = new ProgrammingAnswerReader().feed(Uint8Array.from([STX, ...ascii('0.9.1(235959)'), ETX, 0x3a]));
    expect(bad).toEqual({ kind: 'data', text: '0.9.1(235959)', bccOk: false });
    const parity = Uint8Array.from([STX | 0x80, ...ascii('0.9.1(235959)').map((c) => c | 0x80), ETX | 0x80, 0x3b | 0x80]);
    expect(new ProgrammingAnswerReader().feed(parity)).toEqual([{ kind: 'data', text: '0.9.1(235959)', bccOk: true }]);
  });

  it('takes the first value of an answer with or without the address', () => {
    expect(answerValue('0.9.1(235959)')).toBe('235959');
    expect(answerValue('(0004.512*kW)(2401151230)')).toBe('0004.512');
    expect(answerValue('nothing')).toBeNull();
  });
});

describe('meter models and clock formats', () => {
  it('reads the 7-digit Iskra date 0YYMMDD (MT174 readouts: 0.9.2(0230223) is 2023-02-23)', () => {
    expect(parseDate('0230223', '0YYMMDD')).toEqual({ year: 2023, month: 2, day: 23 });
    expect(formatDate({ year: 2023, month: 2, day: 23, hour: 0, minute: 0, second: 0 }, '0YYMMDD')).toBe('0230223');
    expect(parseDate('230223', '0YYMMDD')).toBeNull();
    expect(parseDate('1230223', '0YYMMDD')).toBeNull();
  });

  it('formats and parses the date and time of both register formats', () => {
    const f = { year: 2024, month: 1, day: 5, hour: 7, minute: 8, second: 9 };
    expect([formatDate(f, 'YYMMDD'), formatDate(f, 'YY-MM-DD'), formatTime(f, 'hhmmss'), formatTime(f, 'hh:mm:ss')]).toEqual([
      '240105',
      '24-01-05',
      '070809',
      '07:08:09',
    ]);
    expect(parseDate('24-02-29', 'YY-MM-DD')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate('230229', 'YYMMDD')).toBeNull(); // not a leap year
    expect(parseDate('24-01-05', 'YYMMDD')).toBeNull(); // the other model's format
    expect(parseTime('235959', 'hhmmss')).toEqual({ hour: 23, minute: 59, second: 59 });
    expect(parseTime('24:00:00', 'hh:mm:ss')).toBeNull();
  });

  it('converts meter fields at a UTC offset to epoch and back', () => {
    const epoch = Date.UTC(2024, 0, 15, 23, 30, 0);
    const fields = clockFields(epoch, 60);
    expect(fields).toEqual({ year: 2024, month: 1, day: 16, hour: 0, minute: 30, second: 0 });
    expect(clockEpoch(fields, 60)).toBe(epoch);
  });

  it('derives a P2 answer from the operand (the stand-in scheme the simulator checks)', () => {
    expect(derivePassword('AB', '\x01\x02')).toBe('4040');
    expect(derivePassword('4711ABCD', 'A5F0193C')).not.toBe(derivePassword('4711ABCD', 'A5F0193D'));
  });
});
