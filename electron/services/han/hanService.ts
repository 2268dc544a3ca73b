/**
 * The one HAN/P1 listening session of this device: opens the port the meter screen picked (2400
 * baud 8E1 as NVE's HAN interface and the Austrian M-Bus customer interface define it; other
 * rates 8N1 as P1 does), feeds it to the session, answers the screen, and saves the last push's
 * values as the stop's reading. An unplugged adapter ends the session with a reason.
 */
import { AppError } from '../../../shared/contract/appError';
import type { HanState } from '../../../shared/contract/methods/han';
import type { MeterKeys } from '../meterKeys';
import type { SerialLink } from '../serial/link';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { createHanSession, type HanSession } from './hanSession';
import { saveHanReading, type HanSaveRequest } from './hanReading';

export interface HanService {
  start(request: { usagePointId: string; port: string; baud: number }): Promise<HanState>;
  state(): HanState;
  stop(): Promise<HanState>;
  save(actor: Actor, request: HanSaveRequest): { readingSetId: string; saved: number };
}

export type OpenHanPort = (port: string, baud: number) => Promise<SerialLink>;

/** The serial port module is loaded when listening starts, not with the app. */
const openPortLazily: OpenHanPort = async (port, baud) =>
  (await import('../serial/link')).openSerialLink(port, { baudRate: baud, frame: baud === 2400 ? '8E1' : '8N1' });

export function hanService(
  store: Store,
  meterKeys: Pick<MeterKeys, 'keysFor'>,
  photoDir: string,
  open: OpenHanPort = openPortLazily,
): HanService {
  let current: {
    session: HanSession;
    link: SerialLink | null;
    usagePointId: string;
    port: string;
    baud: number;
    startedAt: string;
    readingSetId: string | null;
  } | null = null;
  let stoppedBecause: 'unplugged' | null = null;

  const closeLink = async () => {
    const link = current?.link;
    if (current) current.link = null;
    await link?.close().catch(() => undefined);
  };

  const state = (): HanState => ({
    active: (current?.link ?? null) !== null,
    usagePointId: current?.usagePointId ?? null,
    port: current?.port ?? null,
    baud: current?.baud ?? null,
    startedAt: current?.startedAt ?? null,
    stoppedBecause,
    heard: current?.session.heard() ?? 0,
    last: current?.session.last() ?? null,
    readingSetId: current?.readingSetId ?? null,
  });

  return {
    async start({ usagePointId, port, baud }) {
      await closeLink();
      const meter = store.meters.get(usagePointId);
      if (!meter)
        throw new AppError('NOT_FOUND', `Usage point ${usagePointId} is not on any route on this device.`, { reason: 'usagePointUnknown' });
      const session = createHanSession({ store, meterKeys, meterSerial: meter.meterSerial });
      let link: SerialLink;
      try {
        link = await open(port, baud);
      } catch (error) {
        throw new AppError('VALIDATION', `Cannot open ${port}: ${(error as Error).message}`, { reason: 'han.portUnavailable' });
      }
      stoppedBecause = null;
      current = { session, link, usagePointId, port, baud, startedAt: new Date().toISOString(), readingSetId: null };
      const mine = current;
      link.onData((bytes) => mine.session.feed(bytes));
      link.onClose((unexpected) => {
        if (!unexpected || current !== mine) return;
        mine.link = null;
        stoppedBecause = 'unplugged';
      });
      return state();
    },
    state,
    async stop() {
      await closeLink();
      return state();
    },
    save(actor, request) {
      if (!current || current.usagePointId !== request.usagePointId)
        throw new AppError('VALIDATION', 'Nothing was heard at this stop. Press Listen first.', { reason: 'han.notStarted' });
      const saved = saveHanReading(store, actor, current.session.lastValues(), request, photoDir);
      current.readingSetId = saved.readingSetId;
      return saved;
    },
  };
}
