import type { ProgrammingBehaviour } from './programmingMeter';

/**
 * Meter profiles for the simulator (tests, benchmarks and the app's training mode). Register
 * values are made up; identifications follow the IEC 62056-21 §6.3.14 pattern.
 */
export interface MeterProfile {
  readonly name: string;
  readonly description: string;
  /** Identification after '/': XXX Z ident, e.g. "ISK5MT174-0001". */
  readonly identification: string;
  /** Device address the meter answers to, besides the empty address (§6.3.1). */
  readonly address?: string;
  /** 'readout': answers a sign-on (mode A/B/C by the baud character). 'push': sends unasked (mode D / P1). */
  readonly kind: 'readout' | 'push';
  /** Data lines without CR LF; the simulator adds `!`, framing and the BCC or CRC. */
  readonly lines: readonly string[];
  /** Echo what it receives (a half-duplex probe) and send junk before the identification and STX. */
  readonly noisy?: boolean;
  /** The first readout carries a wrong BCC, later ones a good one. */
  readonly badBccOnce?: boolean;
  /** Never answers. */
  readonly silent?: boolean;
  /** Pace the output at the line rate even when the caller did not ask for pacing (a PTY ignores baud). */
  readonly alwaysPaced?: boolean;
  /** The highest rate the meter really keeps, below the one its identification announces. */
  readonly keepsBaud?: number;
  /** Hears no option select sent sooner than the identification's reaction time (200 or 20 ms) after it identified. */
  readonly deafBeforeReaction?: boolean;
  /** Override the reaction time (ms) the identification implies (20 or 200). */
  readonly reactionMs?: number;
  /** Push meters: telegram period in ms. */
  readonly pushIntervalMs?: number;
  /** Answers programming mode (option select Y = '1'); without it the meter refuses with NAK. */
  readonly programming?: ProgrammingBehaviour;
}

const tariffLines = [
  '0.0.0(12345678)',
  'C.1.0(12345678)',
  '0.9.1(123456)',
  '0.9.2(240115)',
  '1.8.0(0012345.678*kWh)',
  '1.8.1(0008000.123*kWh)',
  '1.8.2(0004345.555*kWh)',
  '2.8.0(0000123.400*kWh)',
  '1.6.0(0004.512*kW)(2401151230)',
  'C.7.0(0003)',
  'F.F(00000000)',
];

/** DSMR 5-style P1 telegram body (the CRC is computed by the simulator). */
const p1Lines = [
  '',
  '1-3:0.2.8(50)',
  '0-0:1.0.0(240115123000W)',
  '0-0:96.1.1(4530303331303033303031363939353135)',
  '1-0:1.8.1(000123.456*kWh)',
  '1-0:1.8.2(000234.567*kWh)',
  '1-0:2.8.1(000000.000*kWh)',
  '1-0:2.8.2(000001.250*kWh)',
  '0-0:96.14.0(0002)',
  '1-0:1.7.0(00.345*kW)',
  '0-0:96.7.21(00004)',
  '1-0:32.7.0(230.1*V)',
  '0-1:24.2.1(240115123000W)(00012.345*m3)',
];

/**
 * A DSMR-style electricity meter read at its optical port, hosting a gas meter on M-Bus channel 1
 * (DSMR 5.0.2 §6.12: 0-1:24.1.0 device type 3 = gas, 0-1:96.1.0 its equipment id as hex of ASCII,
 * 0-1:24.2.1 the capture time then the temperature-converted volume in m3).
 */
const dsmrGasLines = [
  '0-0:96.1.1(4530303331303033303031363939353135)',
  '1-0:1.8.1(000123.456*kWh)',
  '1-0:1.8.2(000234.567*kWh)',
  '0-1:24.1.0(003)',
  '0-1:96.1.0(4730303738353130303132333435363738)',
  '0-1:24.2.1(240115123000W)(01234.567*m3)',
];

/** A mode C readout of about `size` bytes (load-profile-like filler registers after the tariffs). */
export function largeReadoutLines(size: number): string[] {
  const lines = [...tariffLines];
  let total = lines.reduce((n, l) => n + l.length + 2, 0);
  for (let i = 1; total < size - 8; i++) {
    const line = `1.8.0*${String(i % 100).padStart(2, '0')}(00${String(10000 + i).padStart(5, '0')}.${String(i % 1000).padStart(3, '0')}*kWh)`;
    lines.push(line);
    total += line.length + 2;
  }
  return lines;
}

export const meterProfiles: readonly MeterProfile[] = [
  {
    name: 'mode-c',
    description: 'Mode C meter, 9600 baud, two tariffs, export, max demand, serial, error register, power-fail counter',
    identification: 'ISK5MT174-0001',
    address: '12345678',
    kind: 'readout',
    lines: tariffLines,
  },
  {
    name: 'reaction-time',
    description: 'Mode C meter that hears nothing sooner than its reaction time (200 ms) after identifying: an early ACK goes unanswered',
    identification: 'ISK5MT174-0003',
    kind: 'readout',
    lines: tariffLines,
    deafBeforeReaction: true,
  },
  {
    name: 'false-baud',
    description: 'Mode C meter that announces 9600 baud but keeps only 4800 (as some Landis+Gyr ZMD do)',
    identification: 'LGZ5ZMD3104407.B32',
    kind: 'readout',
    lines: tariffLines,
    keepsBaud: 4800,
  },
  {
    name: 'lower-case',
    description: 'Mode C meter with a lower-case third letter: 20 ms reaction time',
    identification: 'ISk5ME162-0000',
    kind: 'readout',
    lines: tariffLines,
  },
  {
    name: 'p1',
    description: 'Mode D push meter (DSMR 5 P1 telegram with CRC-16), every second',
    identification: 'ISK5\\2M550T-1012',
    kind: 'push',
    lines: p1Lines,
    pushIntervalMs: 1000,
  },
  {
    name: 'dsmr-gas',
    description: 'Mode C readout of a DSMR-style meter with a gas meter on M-Bus channel 1 (0-1:24.2.1 with its capture time)',
    identification: 'ISK5MT382-1000',
    kind: 'readout',
    lines: dsmrGasLines,
  },
  {
    name: 'noisy',
    description: 'Mode C meter behind a probe that echoes, with junk before the identification and the data',
    identification: 'LGZ4ZMD3104407.B32',
    kind: 'readout',
    lines: tariffLines,
    noisy: true,
  },
  {
    name: 'bad-bcc-once',
    description: 'Mode C meter whose first readout has a wrong BCC',
    identification: 'ISK5MT174-0001',
    kind: 'readout',
    lines: tariffLines,
    badBccOnce: true,
  },
  {
    name: 'mode-a',
    description: 'Mode A meter: answers at 300 baud, no baud switch',
    identification: 'ABCxDEMO-A',
    kind: 'readout',
    lines: tariffLines,
  },
  {
    name: 'mode-b',
    description: 'Mode B meter: switches to 2400 baud without an acknowledgement',
    identification: 'ABCCDEMO-B',
    kind: 'readout',
    lines: tariffLines,
  },
  {
    name: 'mode-e',
    description: 'Meter offering mode E (HDLC); answers V=0 with the ASCII readout',
    identification: 'EMH5\\2LZQJ-0000',
    kind: 'readout',
    lines: tariffLines,
  },
  {
    name: 'silent',
    description: 'A meter that never answers (probe off the port)',
    identification: 'ISK5MT174-0001',
    kind: 'readout',
    lines: [],
    silent: true,
  },
  {
    name: 'slow',
    description: 'Mode C meter that stays at 300 baud with a 2 kB readout, paced (about 70 s)',
    identification: 'ISK0MT174-SLOW',
    kind: 'readout',
    lines: largeReadoutLines(2048),
    alwaysPaced: true,
  },
  {
    name: 'large',
    description: 'Mode C meter, 9600 baud, 2 kB readout',
    identification: 'ISK5MT174-0002',
    kind: 'readout',
    lines: largeReadoutLines(2048),
  },
  {
    name: 'program-isk',
    description:
      'Mode C meter with programming mode (model isk-mt): P1 password 00000000, clock 97 s slow and drifting, demand reset by E2; a wrong password gets (ER10)',
    identification: 'ISK5MT174-0001',
    kind: 'readout',
    lines: [...tariffLines, '0.1.0(07)'],
    programming: { model: 'isk-mt', password: '00000000', operand: '12345678', wrongPassword: 'error', clockOffsetS: -97, driftPpm: 40 },
  },
  {
    name: 'program-lock',
    description:
      'Mode C meter with programming mode (model isk-mt) that answers a wrong password with NAK and locks its port after three wrong passwords',
    identification: 'ISK5MT174-0004',
    kind: 'readout',
    lines: [...tariffLines, '0.1.0(07)'],
    programming: {
      model: 'isk-mt',
      password: '00000000',
      operand: '12345678',
      wrongPassword: 'nak',
      locksAfterWrongPasswords: 3,
      clockOffsetS: -40,
    },
  },
  {
    name: 'program-no-reset',
    description: 'Mode C meter with programming mode (model isk-mt) that acknowledges the demand reset but resets nothing',
    identification: 'ISK5MT174-0005',
    kind: 'readout',
    lines: [...tariffLines, '0.1.0(07)'],
    programming: {
      model: 'isk-mt',
      password: '00000000',
      operand: '12345678',
      wrongPassword: 'error',
      ignoresDemandReset: true,
      clockOffsetS: 0,
    },
  },
  {
    name: 'program-lgz',
    description:
      'Mode C meter with programming mode (model lgz-zmd): P2 password from the operand (password 4711ABCD), clock 185 s fast, C.53.x clock registers, demand reset by W1; a wrong password gets a break (B0)',
    identification: 'LGZ5ZMD3104407.B32',
    kind: 'readout',
    lines: [...tariffLines, '0.1.0(0012)'],
    programming: { model: 'lgz-zmd', password: '4711ABCD', operand: 'A5F0193C', wrongPassword: 'break', clockOffsetS: 185, driftPpm: -25 },
  },
];

export function findProfile(name: string): MeterProfile | undefined {
  return meterProfiles.find((p) => p.name === name);
}
