/**
 * The enterprise simulator (issue 7; DESIGN.md §6): an HTTP server on 127.0.0.1 that takes
 * 61968-100 messages over SOAP 1.1 / 1.2 (or bare XML) on POST, validates them against a schema
 * folder, stores each accepted MessageID once, and fails on purpose when asked. It also serves
 * the messages the enterprise has queued for the device (any noun; queue.ts): GET /outbound lists
 * them, GET /outbound/<id> returns one, DELETE /outbound/<id> acknowledges it, POST /outbound
 * queues one more. GET /ping is the raw round trip
 * the benchmark compares against; GET /stats the counters; GET /validate checks everything
 * stored against the schemas. It backs tests, the benchmark and
 * the app's training mode.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBatchValidator } from '../../messages/batchValidator';
import { createFaultPicker, type FaultPlan } from './faults';
import { handleMessage, type Answer, type SimulatorStats } from './handleMessage';
import { requestAction, soapFaultAnswer, type PeerBehaviour } from './peer';
import { createEnterpriseQueue, type EnterpriseQueue } from './queue';
import { createMessageStorage } from './storage';

export interface SimulatorOptions {
  readonly port?: number;
  /** Folder for accepted messages (`accepted.jsonl`, see storage.ts). */
  readonly storeDir: string;
  /** Schema folder; without it messages are parsed but not schema-validated. */
  readonly xsdDir?: string;
  /**
   * 'inline' (default): every message is schema-checked before its reply, a FAILED reply names
   * the schema errors. 'after': messages are parsed and stored at once and the schema check runs
   * over everything stored when asked (validateStored, GET /validate), so a benchmark measures the
   * sync path, not xmllint, and still proves every message valid.
   */
  readonly validation?: 'inline' | 'after';
  /** Folder of messages the enterprise has queued for the device at start (one .xml each). */
  readonly serveDir?: string;
  readonly fault?: FaultPlan;
  /** How it behaves as a real peer: strict SOAPAction, echoed CorrelationID (peer.ts). */
  readonly peer?: PeerBehaviour;
  /** Largest request accepted, in bytes. */
  readonly maxRequestBytes?: number;
}

export interface StoredValidation {
  checked: number;
  invalid: { messageId: string; errors: string[] }[];
}

export interface EnterpriseSimulator {
  readonly url: string;
  readonly port: number;
  readonly stats: SimulatorStats;
  acceptedIds(): string[];
  /** MessageID → the URL path it was accepted on, for messages accepted since start. */
  acceptedPaths(): Record<string, string>;
  /** The enterprise's queue of messages for the device (queue.ts). */
  readonly queue: EnterpriseQueue;
  /** Every stored message against the schemas (needs xsdDir): how many were checked and which failed. */
  validateStored(): Promise<StoredValidation>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) resolve(null);
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const send = (res: ServerResponse, a: Answer) => {
  res.writeHead(a.status, { 'content-type': a.contentType, 'content-length': Buffer.byteLength(a.body) });
  res.end(a.body);
};

export async function startEnterpriseSimulator(options: SimulatorOptions): Promise<EnterpriseSimulator> {
  const storage = createMessageStorage(options.storeDir);
  const validator = options.xsdDir ? createBatchValidator(options.xsdDir) : null;
  const stats: SimulatorStats = { received: 0, accepted: 0, duplicates: 0, rejected: 0, invalid: 0, faults: 0 };
  const faults = createFaultPicker(options.fault);
  const queue = createEnterpriseQueue(options.serveDir);
  const ctx = {
    storage,
    paths: new Map<string, string>(),
    validate: validator && options.validation !== 'after' ? validator.validate : null,
    stats,
  };
  const maxRequest = options.maxRequestBytes ?? 8 * 1024 * 1024;
  let lastReply: Answer | null = null;
  const hanging = new Set<ServerResponse>();

  async function onPost(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fault = faults.next();
    if (fault) stats.faults++;
    if (fault === 'down') {
      req.socket.destroy();
      return;
    }
    const body = await readBody(req, maxRequest);
    if (body === null) return send(res, { status: 413, contentType: 'text/plain', body: 'request too large' });
    if (fault === '500') return send(res, { status: 500, contentType: 'text/plain', body: 'Internal Server Error (simulated)' });
    if (fault === 'timeout') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (fault === 'slow') await new Promise((r) => setTimeout(r, options.fault?.slowMs ?? 300));
    if (fault === 'fault-500' || fault === 'fault-200') {
      const version = /application\/soap\+xml/i.test(req.headers['content-type'] ?? '') ? '1.2' : '1.1';
      return send(res, soapFaultAnswer(version, fault === 'fault-500' ? 500 : 200, 'java.lang.NullPointerException (simulated)'));
    }
    const answer = await handleMessage(ctx, body, {
      partial: fault === 'partial',
      businessFault: fault === 'business-fault-500' ? 500 : fault === 'business-fault-200' ? 200 : undefined,
      action: requestAction(req.headers),
      peer: options.peer,
      path: new URL(req.url ?? '/', 'http://localhost').pathname,
    });
    if (fault === 'duplicate-reply') {
      // The message was processed, but the answer on the wire is the previous one again.
      if (lastReply) send(res, lastReply);
      else req.socket.destroy();
      return;
    }
    if (answer.status === 200) lastReply = answer;
    send(res, answer);
  }

  async function validateStored(): Promise<StoredValidation> {
    if (!validator) throw new Error('the simulator was started without a schema folder (--xsd-dir)');
    const messages = storage.messages();
    const results = await validator.validateAll(messages.map((m) => m.xml));
    const invalid = messages.flatMap((m, i) => (results[i]!.valid ? [] : [{ messageId: m.messageId, errors: results[i]!.errors }]));
    return { checked: messages.length, invalid };
  }

  function onGet(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/ping') return send(res, { status: 200, contentType: 'text/plain', body: 'pong' });
    if (path === '/validate') {
      void validateStored().then(
        (v) => send(res, { status: 200, contentType: 'application/json', body: JSON.stringify(v) }),
        (error: unknown) =>
          send(res, { status: 500, contentType: 'text/plain', body: error instanceof Error ? error.message : String(error) }),
      );
      return;
    }
    if (path === '/stats') {
      // cpuMs: this process's CPU time so far, so a benchmark can tell work from waiting on a busy machine.
      const cpu = process.cpuUsage();
      return send(res, {
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ ...stats, stored: storage.count(), cpuMs: Math.round((cpu.user + cpu.system) / 1000) }),
      });
    }
    if (path === '/outbound') return send(res, { status: 200, contentType: 'application/json', body: JSON.stringify(queue.list()) });
    const id = /^\/outbound\/([^/]+)$/.exec(path)?.[1];
    const xml = id === undefined ? undefined : queue.get(id);
    if (xml !== undefined) return send(res, { status: 200, contentType: 'application/xml; charset=utf-8', body: xml });
    send(res, { status: 404, contentType: 'text/plain', body: 'not found' });
  }

  /** POST /outbound (queue a message for the device), DELETE /outbound/<id> (the device acknowledges it). */
  async function onQueue(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method === 'DELETE') {
      const id = /^\/outbound\/([^/]+)$/.exec(path)?.[1] ?? '';
      return send(
        res,
        queue.acknowledge(id)
          ? { status: 204, contentType: 'text/plain', body: '' }
          : { status: 404, contentType: 'text/plain', body: 'not queued' },
      );
    }
    const body = await readBody(req, maxRequest);
    if (body === null) return send(res, { status: 413, contentType: 'text/plain', body: 'request too large' });
    send(res, { status: 201, contentType: 'application/json', body: JSON.stringify({ id: queue.enqueue(body) }) });
  }

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const queueWrite = (req.method === 'POST' && path === '/outbound') || (req.method === 'DELETE' && path.startsWith('/outbound/'));
    const work = queueWrite ? onQueue(req, res, path) : req.method === 'POST' ? onPost(req, res) : Promise.resolve(onGet(req, res));
    work.catch((error: unknown) => {
      if (!res.headersSent)
        send(res, {
          status: 500,
          contentType: 'text/plain',
          body: `simulator error: ${error instanceof Error ? error.message : String(error)}`,
        });
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    stats,
    acceptedIds: () => storage.ids(),
    acceptedPaths: () => Object.fromEntries(ctx.paths),
    queue,
    validateStored,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        validator?.close();
        server.closeAllConnections();
        server.close(() => {
          storage.close();
          resolve();
        });
      }),
  };
}
