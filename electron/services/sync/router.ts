/**
 * One HTTP transport per service URL (issue 19: an endpoint per service, answers to a
 * request's ReplyAddress), made when first needed and closed together. Credentials and the
 * client certificate go only to origins the utility configured (the sync settings' endpoint and
 * the integration profile's endpoints), never to an origin a message named: a ReplyAddress
 * elsewhere gets the message without them. The CA and TLS verification are the same for all.
 */
import { serviceUrlProblem } from '../../../shared/cim/integrationProfile';
import { createTransport, TransportError, type HttpReply, type Transport, type TransportOptions } from './transport';

export interface Router {
  /** The endpoint's transport (the enterprise's queue for the device lives beside it). */
  readonly main: Transport;
  post(body: string, headers: Readonly<Record<string, string>>, target?: string): Promise<HttpReply>;
  close(): void;
}

export function createRouter(base: TransportOptions, configured: readonly string[]): Router {
  const main = createTransport(base);
  const trusted = new Set([new URL(base.endpoint).origin, ...configured.map((u) => new URL(u).origin)]);
  const transports = new Map<string, Transport>([[main.endpoint, main]]);

  function transportFor(target: string): Transport {
    const href = new URL(target).href;
    let transport = transports.get(href);
    if (!transport) {
      const problem = serviceUrlProblem(href);
      if (problem)
        throw new TransportError('UNREACHABLE', `no message goes to ${href}: ${problem}`, { failure: { network: 'notAllowed' } });
      const options: TransportOptions = trusted.has(new URL(href).origin)
        ? { ...base, endpoint: href }
        : { ...base, endpoint: href, auth: { kind: 'none' }, tls: { ca: base.tls?.ca, rejectUnauthorized: base.tls?.rejectUnauthorized } };
      transports.set(href, (transport = createTransport(options)));
    }
    return transport;
  }

  return {
    main,
    post: async (body, headers, target) => (target === undefined ? main : transportFor(target)).post(body, headers),
    close: () => {
      for (const t of transports.values()) t.close();
    },
  };
}
