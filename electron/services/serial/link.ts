/**
 * The medium: a serial line the reader and the simulator talk through. `openSerialLink` backs it
 * with the `serialport` package; tests and training mode can hand the reader any other SerialLink.
 */
import { existsSync, statSync } from 'node:fs';
import { SerialPort } from 'serialport';

export interface LinkSettings {
  readonly baudRate: number;
  /** IEC 62056-21 §6.1: 7 data bits, even parity, 1 stop bit. DSMR 4+ P1 uses 8N1; wired M-Bus 8E1 (EN 13757-2). */
  readonly frame?: '7E1' | '8N1' | '8E1';
}

export interface SerialLink {
  /** Resolves when the bytes have left the driver (drain), so a baud switch cannot cut them off. */
  write(bytes: Uint8Array): Promise<void>;
  setBaudRate(baud: number): Promise<void>;
  onData(listener: (bytes: Uint8Array) => void): () => void;
  /** Called once when the line goes away; `unexpected` is true when we did not close it. */
  onClose(listener: (unexpected: boolean, reason: string) => void): () => void;
  close(): Promise<void>;
}

export class LinkOpenError extends Error {
  constructor(
    readonly reason: 'notFound' | 'busy' | 'denied' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'LinkOpenError';
  }
}

/**
 * A write the link could not finish because the link was closed (by us or by the device going
 * away): the bytes may or may not have left. Callers that stop on purpose expect it.
 */
export class LinkClosedError extends Error {
  constructor() {
    super('the serial link is closed');
    this.name = 'LinkClosedError';
  }
}

function classify(message: string): LinkOpenError['reason'] {
  if (/ENOENT|No such file|not found/i.test(message)) return 'notFound';
  if (/EBUSY|resource busy|Cannot lock/i.test(message)) return 'busy';
  if (/EACCES|Permission denied/i.test(message)) return 'denied';
  return 'other';
}

/**
 * A typed path must name a serial device: on Linux and macOS a character device (a symlink to one,
 * such as a socat PTY's link, is followed); a regular file or a folder is refused before it is opened.
 * Windows names ports (COM3, \\.\COM10) rather than files: the driver checks those.
 */
function checkDevice(path: string): void {
  if (process.platform === 'win32') return;
  let device: boolean;
  try {
    device = statSync(path).isCharacterDevice();
  } catch {
    throw new LinkOpenError('notFound', 'no such port');
  }
  if (!device) throw new LinkOpenError('other', 'it is not a serial port (not a device)');
}

export async function openSerialLink(path: string, settings: LinkSettings): Promise<SerialLink> {
  checkDevice(path);
  const eightBit = settings.frame === '8N1' || settings.frame === '8E1';
  const port = new SerialPort({
    path,
    baudRate: settings.baudRate,
    dataBits: eightBit ? 8 : 7,
    parity: settings.frame === '8N1' ? 'none' : 'even',
    stopBits: 1,
    autoOpen: false,
    lock: true,
  });
  await new Promise<void>((resolve, reject) =>
    port.open((error) => (error ? reject(new LinkOpenError(classify(error.message), error.message)) : resolve())),
  );
  // Self-powered optical heads take their supply from DTR/RTS. A PTY refuses the ioctl: tolerate it.
  await new Promise<void>((resolve) => port.set({ dtr: true, rts: false }, () => resolve()));
  let closing = false;
  /**
   * Writes not yet settled. Close settles them: one the stream still holds would otherwise wait for
   * a reopen that never comes, and one the binding cancels fails with whatever it was doing.
   */
  const inFlight = new Set<(error: Error) => void>();
  const closeListeners = new Set<(unexpected: boolean, reason: string) => void>();
  let closed = false;
  const announce = (unexpected: boolean, reason: string) => {
    if (closed) return;
    closed = true;
    clearInterval(watch);
    for (const listener of closeListeners) listener(unexpected, reason);
  };
  // A pulled USB probe (or a PTY whose socat ended) removes the device node; the driver does not
  // always report it on a quiet line, so we also watch the path.
  const watch = setInterval(() => {
    if (!existsSync(path)) announce(true, `${path} disappeared`);
  }, 200);
  watch.unref();
  port.on('close', (error: (Error & { disconnected?: boolean }) | null) => announce(!closing, error?.message ?? 'port closed'));
  port.on('error', (error: Error) => {
    if (!closing) announce(true, error.message);
  });
  return {
    write: (bytes) => {
      // After close the stream would queue the write until a reopen that never comes.
      if (closing || closed) return Promise.reject(new LinkClosedError());
      return new Promise<void>((resolve, reject) => {
        const settle = (error?: Error) => {
          if (!inFlight.delete(fail)) return;
          if (error) reject(error);
          else resolve();
        };
        const fail = (error: Error) => settle(error);
        inFlight.add(fail);
        port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (error) => {
          if (error) return settle(closing || closed ? new LinkClosedError() : error);
          // The stream's drain waits for the binding's pending write and then drains its descriptor:
          // a close in between leaves a null descriptor and a TypeError from the binding
          // (@serialport/bindings-cpp linux.js drain). That failure means only "closed".
          port.drain((drainError) => settle(drainError && (closing || closed) ? new LinkClosedError() : (drainError ?? undefined)));
        });
      });
    },
    setBaudRate: (baud) =>
      new Promise<void>((resolve, reject) => port.update({ baudRate: baud }, (error) => (error ? reject(error) : resolve()))),
    onData(listener) {
      const handler = (chunk: Buffer) => listener(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      port.on('data', handler);
      return () => port.off('data', handler);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close: async () => {
      closing = true;
      clearInterval(watch);
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
      // A write that failed as a disconnect starts the stream's own close: the descriptor and its
      // lock are released only at its 'close', and the path may be opened again right after.
      else if (port.closing) await new Promise<void>((resolve) => port.once('close', () => resolve()));
      for (const fail of [...inFlight]) fail(new LinkClosedError());
    },
  };
}
