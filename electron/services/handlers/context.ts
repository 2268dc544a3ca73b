/** What every domain's handlers get: the store, who is acting, where files go. What changed is told by the store itself (store/writeLog.ts). */
import type { EventName, EventPayload, MethodName } from '../../../shared/contract/api';
import type { Handlers } from '../../../shared/contract/handlers';
import type { WorkerLocation } from '../exports/exportInWorker';
import type { SessionService } from '../identity/session';
import type { Store } from '../store';
import type { Change } from '../store/mutation';
import type { Actor } from '../store/repositories/journal';

export interface HandlerContext {
  readonly store: Store;
  /** Who is signed in on this device (Node side only). */
  readonly session: SessionService;
  /** The signed-in profile every change is made and audited as; the guard has checked the method's right before. */
  actor(): Actor;
  /** A change as the signed-in profile: the work and its audit row in one transaction (store/mutation.ts). */
  mutate<T>(work: (change: Change) => T): T;
  readonly host: 'electron' | 'web';
  readonly version: string;
  /** Photos (and other visit files) sit next to the database, so a backup of the folder keeps both. */
  readonly photoDir: string;
  /** Desktop app: asks where to save a file (the OS save dialog); null when cancelled. Absent in the web host. */
  readonly saveDialog?: ((suggestedName: string) => Promise<string | null>) | undefined;
  /** Where the export worker comes from (the desktop app's built one; else the source through tsx). */
  readonly exportWorker?: WorkerLocation | undefined;
  /** Pushes a contract event to every window (progress of a long job). */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

/** One domain's part of the handler map. */
export type DomainHandlers<M extends MethodName> = Pick<Handlers, M>;
