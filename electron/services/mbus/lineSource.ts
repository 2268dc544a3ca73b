/**
 * Where rtl-wmbus's lines come from (shared/mbus/rtlWmbus.ts): rtl-wmbus writes to its standard
 * output, so the app reads a named pipe (`mkfifo`, `rtl_sdr … | rtl_wmbus > /run/wmbus.fifo`), a
 * serial line or PTY (a remote receiver on a socat link), or, on the command line, its own standard
 * input (`-`). Read only: nothing is ever written to rtl-wmbus. The end of the pipe (rtl-wmbus or the
 * SDR stopped) is told as the line going away, as an unplugged USB stick is.
 */
import { constants, openSync, statSync } from 'node:fs';
import { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { LinkOpenError, openSerialLink, type SerialLink } from '../serial/link';

/** The standard input of this process, for `fieldmeter mbus listen --port -`. */
export const STDIN = '-';

function streamLink(stream: Readable, closeStream: () => void): SerialLink {
  const closeListeners = new Set<(unexpected: boolean, reason: string) => void>();
  let closed = false;
  let closing = false;
  const announce = (unexpected: boolean, reason: string) => {
    if (closed) return;
    closed = true;
    for (const listener of closeListeners) listener(unexpected, reason);
  };
  stream.on('end', () => announce(!closing, "the receiver's output ended"));
  stream.on('close', () => announce(!closing, "the receiver's output closed"));
  stream.on('error', (error: Error) => announce(!closing, error.message));
  return {
    write: () => Promise.resolve(), // rtl-wmbus takes no requests
    setBaudRate: () => Promise.resolve(),
    onData(listener) {
      const handler = (chunk: Buffer) => listener(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      stream.on('data', handler);
      return () => stream.off('data', handler);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close: async () => {
      closing = true;
      closeStream();
      announce(false, 'closed');
    },
  };
}

/** Opens a pipe, a serial line or PTY, or standard input as a read-only line of text. */
export async function openLineSource(path: string): Promise<SerialLink> {
  if (path === STDIN) return streamLink(process.stdin, () => process.stdin.pause());
  let fifo: boolean;
  try {
    fifo = statSync(path).isFIFO();
  } catch {
    throw new LinkOpenError('notFound', 'no such pipe or port');
  }
  // A serial line's speed matters only to a real UART; rtl-wmbus on a remote machine is usually sent over at 115200.
  if (!fifo) return openSerialLink(path, { baudRate: 115_200, frame: '8N1' });
  // Opened without waiting for a writer (O_NONBLOCK) and read through the event loop as a pipe: a
  // blocking open would hold one of libuv's few file threads until rtl-wmbus starts, even after Stop.
  // Linux reports no end on such a pipe until a writer has come and gone (fifo(7), pipe_poll).
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LinkOpenError(code === 'ENOENT' ? 'notFound' : code === 'EACCES' ? 'denied' : 'other', (error as Error).message);
  }
  const socket = new Socket({ fd, readable: true, writable: false });
  return streamLink(socket, () => socket.destroy());
}
