/**
 * Replies that cannot be trusted (issue 7): not XML, not the 61968-100 envelope, a DOCTYPE entity
 * bomb, a 100 MB answer. Each stops the run with a clear message, reading stops at the size cap,
 * and nothing is marked sent. (A SOAP Fault is no such reply: peerReplies.test.ts.)
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../electron/services/store';
import { createOutboxRepository } from '../../../electron/services/store/repositories/outbox';
import { SOAP11_NS } from '../../../electron/services/sync/soap';
import { seedDemoOutbox } from '../../support/enterpriseSimulator/seed';
import { syncOnce } from '../../support/enterpriseSimulator/harness';
import { useTempDir } from '../../support/tempDir';

const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><lolz>&lol3;</lolz></s:Body></s:Envelope>`;
const soap = (inner: string) => `<?xml version="1.0"?><s:Envelope xmlns:s="${SOAP11_NS}"><s:Body>${inner}</s:Body></s:Envelope>`;

type Behaviour = (res: ServerResponse) => void;
const text =
  (body: string, type = 'text/xml'): Behaviour =>
  (res) => {
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  };
/** 100 MB of well-formed-looking XML, streamed without a content-length. */
const huge: Behaviour = (res) => {
  res.writeHead(200, { 'content-type': 'text/xml' });
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  let sent = 0;
  res.write(`<?xml version="1.0"?><s:Envelope xmlns:s="${SOAP11_NS}"><s:Body><x>`);
  const pump = () => {
    while (sent < 100 && res.write(chunk)) sent++;
    if (sent < 100) res.once('drain', pump);
    else res.end('</x></s:Body></s:Envelope>');
  };
  res.on('close', () => (sent = 100));
  pump();
};

const cases: [string, Behaviour, RegExp][] = [
  ['not XML', text('<html><body>Gateway says hello', 'text/html'), /"problem":"MALFORMED"/],
  ['XML but not a SOAP envelope', text('<?xml version="1.0"?><status>ok</status>'), /not a SOAP envelope/],
  ['a SOAP envelope without a 61968-100 message', text(soap('<ok xmlns="urn:x"/>')), /not the IEC 61968-100:2013 envelope/],
  ['a DOCTYPE entity bomb', text(bomb), /DTD_FORBIDDEN/],
  ['a 100 MB answer', huge, /"reason":"replyTooLarge","details":\{"limitBytes":1048576\}/],
];

describe('untrustworthy replies stop the run and mark nothing sent', () => {
  const tempDir = useTempDir();
  let server: Server | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    store?.close();
    server?.closeAllConnections();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    server = store = undefined;
  });

  for (const [name, behaviour, message] of cases) {
    it(name, async () => {
      const dbPath = join(tempDir(), 'fm.db');
      const queued = seedDemoOutbox(dbPath);
      let requests = 0;
      server = createServer((req, res) => {
        requests++;
        req.resume();
        req.on('end', () => behaviour(res));
      });
      await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
      store = openStore(dbPath);
      const started = Date.now();
      const summary = await syncOnce(store, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
        concurrency: 1,
        maxReplyBytes: 1024 * 1024,
      });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(summary.stopped?.code).toBe('BAD_REPLY');
      // A reason with typed details, and the reader's own diagnosis apart (no sentence of ours).
      expect(JSON.stringify(summary.stopped)).toMatch(message);
      expect(summary).toMatchObject({ accepted: 0, rejected: 0, pending: queued });
      expect(requests).toBe(1); // not retried: a reply like this says the endpoint is wrong, not busy
      const outbox = createOutboxRepository(store.db);
      expect(outbox.counts()).toMatchObject({ sent: 0, rejected: 0, pending: queued });
      expect(store.db.prepare('SELECT result FROM outbox_attempts').pluck().all()).toEqual(['BAD_REPLY']);
    });
  }
});
