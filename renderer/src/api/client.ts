/**
 * THE api client: one function per contract method, built from the contract's names, so a
 * method added to shared/contract/api.ts appears here with its types and nothing to write.
 * Answers are checked against the method's output schema before the UI sees them.
 */
import { events, methodNames, methods, type EventName, type EventPayload, type MethodName } from '../../../shared/contract/api';
import type { ApiClient } from '../../../shared/contract/handlers';
import type { Result } from '../../../shared/contract/result';
import type { Topic } from '../../../shared/contract/topics';
import { internalError } from './results';
import { pickTransport, type Transport } from './transport';

export function createApiClient(transport: Transport): ApiClient {
  const call = async (method: MethodName, input: unknown): Promise<Result<unknown>> => {
    const result = await transport.invoke(method, input);
    if (!result.ok) return result;
    const parsed = methods[method].output.safeParse(result.value);
    return parsed.success ? { ok: true, value: parsed.data } : internalError('unexpectedAnswer');
  };
  // The mapped type cannot be built key by key without a cast; every key comes from the contract.
  return Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => call(name, input)])) as ApiClient;
}

export function subscribe<E extends EventName>(transport: Transport, name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return transport.on(name, (payload) => {
    const parsed = events[name].safeParse(payload);
    if (parsed.success) listener(parsed.data as EventPayload<E>);
  });
}

export const transport: Transport = pickTransport();
export const api: ApiClient = createApiClient(transport);

/**
 * A view refetches when a write touched a topic it shows. The topics come from the tables the
 * Node side actually wrote (shared/contract/topics.ts), so a view names what it shows, never a table.
 */
export function onTopics(watched: readonly Topic[], refetch: () => void): () => void {
  return subscribe(transport, 'data.changed', ({ topics }) => {
    if (topics.some((t) => watched.includes(t))) refetch();
  });
}
