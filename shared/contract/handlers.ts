import type { AppErrorShape, Result } from './result';
import type { EventName, EventPayload, MethodName, MethodOutput, MethodParsedInput, MethodInput } from './api';

/** What the Node side implements: one function per contract method, input already parsed. */
export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** What the renderer calls: one function per contract method, never throws, returns a Result. */
export type ApiClient = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

export interface EventSink {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

/** The surface the preload bridge exposes as `window.fieldmeter`. */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export type { AppErrorShape };
