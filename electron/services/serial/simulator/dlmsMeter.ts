/**
 * The simulated DLMS meter on a serial line (a socat PTY end, an in-memory link): the pure mode E
 * meter (shared/dlms/simulator/modeEMeter) with its bytes moved over the link. The meter's
 * objects follow the DSMR 5.0.2 / IDIS package object list a Landis+Gyr E350 or Iskraemeco AM550
 * publishes in its association (clock 0-0:1.0.0.255, device ID 0-0:96.1.0.255, energy registers
 * 1-0:1.8.0 … 4.8.0, load profile 1-0:99.1.0.255 with AMR status 0-0:96.10.1.255, disconnect
 * control 0-0:96.3.10.255): see shared/dlms/simulator/meterObjects.ts.
 */
import { ModeEMeter, type ModeEMeterOptions } from '../../../../shared/dlms/simulator/modeEMeter';
import { openSerialLink, type SerialLink } from '../link';
import { attachOrPair } from './socat';

const SWITCH_BACK_MS = 100;

export interface DlmsMeterOnLinkOptions extends Omit<ModeEMeterOptions, 'now'> {
  readonly now?: () => number;
  /** Space the output at the line rate (10 bits a character): a PTY ignores the baud rate. */
  readonly pace?: boolean;
  /** Quiet time after which the meter leaves HDLC for a new sign-on (a real meter: 120 s by default; 3 s here). */
  readonly inactivityMs?: number;
  /** A direct HDLC line at this rate 8N1 (no mode E sign-on; ModeEMeterOptions.direct). */
  readonly hdlcBaud?: number;
}

export class DlmsMeterOnLink {
  readonly meter: ModeEMeter;
  private baud: number;
  private stopped = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly offData: () => void;
  private quiet: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly link: SerialLink,
    private readonly options: DlmsMeterOnLinkOptions,
  ) {
    this.baud = options.hdlcBaud ?? 300;
    this.meter = new ModeEMeter({ ...options, direct: options.hdlcBaud !== undefined, now: options.now ?? Date.now });
    this.offData = link.onData((bytes) => {
      clearTimeout(this.quiet);
      this.quiet = setTimeout(() => this.play(this.meter.inactive()), options.inactivityMs ?? 3000);
      this.quiet.unref();
      this.play(this.meter.receive(bytes));
    });
  }

  private play(outputs: ReturnType<ModeEMeter['receive']>): void {
    this.queue = this.queue
      .then(async () => {
        for (const o of outputs) {
          if (this.stopped) return;
          if (o.kind === 'switch') {
            // Annex E: the meter switches once the ACK is in; its answers then go at the new rate.
            // Back to 300 baud only after the last answer has left: changing the line settings
            // can drop what still waits in the driver (seen on PTYs with the UA to a DISC).
            if (o.baud < this.baud) await new Promise((resolve) => setTimeout(resolve, SWITCH_BACK_MS));
            this.baud = o.baud;
            await this.link.setBaudRate(o.baud).catch(() => undefined);
          } else await this.send(o.bytes);
        }
      })
      .catch(() => this.stop());
  }

  private async send(bytes: Uint8Array): Promise<void> {
    if (!this.options.pace) return this.link.write(bytes);
    const start = performance.now();
    const chunk = Math.max(1, Math.floor(this.baud / 1000));
    for (let at = 0; at < bytes.length && !this.stopped; at += chunk) {
      const end = Math.min(at + chunk, bytes.length);
      const wait = start + (end * 10 * 1000) / this.baud - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      await this.link.write(bytes.subarray(at, end));
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.quiet);
    this.offData();
  }
}

export interface RunningDlmsMeter {
  readonly meter: DlmsMeterOnLink;
  readonly appPath: string;
  readonly meterPath: string;
  readonly startedSocat: boolean;
  readonly socatPid: number | null;
  stop(): Promise<void>;
}

/** Attaches to `path` when it exists; otherwise starts socat: the app opens `path`, the meter sits on `path + '.meter'`. */
export async function runDlmsMeter(path: string, options: DlmsMeterOnLinkOptions): Promise<RunningDlmsMeter> {
  const { meterPath, pair } = await attachOrPair(path);
  const link = await openSerialLink(meterPath, { baudRate: options.hdlcBaud ?? 300, frame: '8N1' });
  const meter = new DlmsMeterOnLink(link, options);
  return {
    meter,
    appPath: pair ? path : meterPath,
    meterPath,
    startedSocat: pair !== null,
    socatPid: pair?.pid ?? null,
    stop: async () => {
      meter.stop();
      await link.close();
      await pair?.stop();
    },
  };
}
