/**
 * Two ways to reach the API: the Electron preload bridge (`window.fieldmeter`) or, in a
 * browser, the loopback web host (fetch + server-sent events). Both speak the contract's
 * method and event names; neither throws.
 */
import { eventNames } from '../../../shared/contract/api';
import type { Bridge } from '../../../shared/contract/handlers';
import type { Result } from '../../../shared/contract/result';
import { internalError, normaliseResult, resultFromResponseText } from './results';
import { takeAccessToken } from './accessToken';

export interface Transport {
  readonly kind: 'electron' | 'web';
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Web only: fetches a file the host serves (with the token) and hands it to the browser's downloads. */
  download?(path: string): Promise<Result<{ fileName: string }>>;
}

declare global {
  interface Window {
    fieldmeter?: Bridge;
  }
}

export function bridgeTransport(bridge: Bridge): Transport {
  return {
    kind: 'electron',
    async invoke(method, input) {
      try {
        return normaliseResult(await bridge.invoke(method, input));
      } catch {
        return internalError('unreachable');
      }
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}

/** The page was opened without its access token (errors.reason.tokenMissing says where to find the address). */
const noToken: Result<never> = { ok: false, error: { code: 'UNAUTHORIZED', details: { reason: 'tokenMissing' } } };

export function webTransport(token: string | null, base = ''): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  // One EventSource for all events, opened on first subscription; it reconnects by itself.
  function ensureSource() {
    if (source || !token) return;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    for (const name of eventNames) {
      source.addEventListener(name, (event) => {
        let payload: unknown;
        try {
          payload = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return;
        }
        listeners.get(name)?.forEach((listener) => listener(payload));
      });
    }
  }

  return {
    kind: 'web',
    async invoke(method, input) {
      if (!token) {
        return noToken;
      }
      try {
        const response = await fetch(`${base}/api/call/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
        return resultFromResponseText(response.status, await response.text());
      } catch {
        return internalError('unreachable');
      }
    },
    async download(path) {
      if (!token) return noToken;
      try {
        const response = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
        if (!response.ok) {
          const refused = resultFromResponseText(response.status, await response.text());
          return refused.ok ? internalError('unexpectedAnswer') : refused;
        }
        const fileName = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'fieldmeter-export';
        const url = URL.createObjectURL(await response.blob());
        const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        return { ok: true, value: { fileName } };
      } catch {
        return internalError('unreachable');
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      ensureSource();
      return () => set.delete(listener);
    },
  };
}

export function pickTransport(): Transport {
  if (typeof window !== 'undefined' && window.fieldmeter) return bridgeTransport(window.fieldmeter);
  return webTransport(takeAccessToken());
}
