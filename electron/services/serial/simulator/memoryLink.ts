/**
 * Two SerialLinks joined in memory: the simulator in process (training mode, fast unit tests).
 * Bytes are delivered on a later tick, like a port would; baud rates are only recorded.
 */
import type { SerialLink } from '../link';

export interface MemoryLinkPair {
  readonly app: SerialLink;
  readonly meter: SerialLink;
  /** Both ends see an unexpected close, like a probe pulled out. */
  unplug(): void;
  /** Baud rates the app side was set to, in order. */
  readonly appBauds: number[];
}

export function createMemoryLinkPair(): MemoryLinkPair {
  type End = { data: Set<(b: Uint8Array) => void>; close: Set<(unexpected: boolean, reason: string) => void>; open: boolean };
  const ends: [End, End] = [
    { data: new Set(), close: new Set(), open: true },
    { data: new Set(), close: new Set(), open: true },
  ];
  const appBauds: number[] = [];
  const shut = (end: End, unexpected: boolean, reason: string) => {
    if (!end.open) return;
    end.open = false;
    for (const listener of end.close) listener(unexpected, reason);
  };
  const make = (self: End, other: End, bauds: number[] | null): SerialLink => ({
    write: async (bytes) => {
      if (!self.open) throw new Error('port is closed');
      const copy = bytes.slice();
      setImmediate(() => {
        if (other.open) for (const listener of other.data) listener(copy);
      });
    },
    setBaudRate: async (baud) => void bauds?.push(baud),
    onData: (listener) => (self.data.add(listener), () => self.data.delete(listener)),
    onClose: (listener) => (self.close.add(listener), () => self.close.delete(listener)),
    close: async () => shut(self, false, 'closed'),
  });
  return {
    app: make(ends[0], ends[1], appBauds),
    meter: make(ends[1], ends[0], null),
    unplug: () => ends.forEach((end) => shut(end, true, 'device disconnected')),
    appBauds,
  };
}
