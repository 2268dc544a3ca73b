/**
 * Credentials go only to origins the utility configured (the endpoint, the profile's endpoints),
 * never to one a message named (a ReplyAddress elsewhere); a URL that fails the endpoint checks
 * gets nothing at all (issue 19).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../electron/services/sync/router';

async function listen(seen: { path: string; headers: IncomingHttpHeaders }[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe('router', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  });

  it('sends the Authorization header to configured origins only', async () => {
    const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
    const [endpoint, service, elsewhere] = await Promise.all([listen(seen), listen(seen), listen(seen)]);
    servers.push(endpoint.server, service.server, elsewhere.server);
    const router = createRouter(
      { endpoint: endpoint.url, auth: { kind: 'bearer', token: 'secret-token' }, timeoutMs: 5000, maxReplyBytes: 1024, maxSockets: 2 },
      [`${service.url}SendEndDeviceEvents`],
    );
    try {
      await router.post('<a/>', {});
      await router.post('<b/>', {}, `${endpoint.url}ReplyMeterReadings`);
      await router.post('<c/>', {}, `${service.url}SendEndDeviceEvents`);
      await router.post('<d/>', {}, `${elsewhere.url}replies`);
      await expect(router.post('<e/>', {}, 'http://mdm.example.com/replies')).rejects.toThrow(/neither https nor on this computer/);
    } finally {
      router.close();
    }
    expect(seen.map((s) => [s.path, s.headers.authorization])).toEqual([
      ['/', 'Bearer secret-token'],
      ['/ReplyMeterReadings', 'Bearer secret-token'],
      ['/SendEndDeviceEvents', 'Bearer secret-token'],
      ['/replies', undefined],
    ]);
  });
});
