/**
 * Issue 18, "Done when": the red-team attempts as one repeatable script with its counts. A real
 * web host process on a training database is attacked the way a curious colleague, a web page in
 * another tab or a crafted file would: token, Host, Origin, path traversal, rights, injection,
 * XML, secrets at rest, and requests meant to crash it. Every attempt must be refused (or do no
 * harm, for injection) and the host must still answer at the end. The counts are printed per
 * category; the specific defences have their own tests (webHost, security, importMessage,
 * csvInjection, rights…), this is the attacker's view of all of them at once.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldmeter } from '../../support/cli';
import { rawTextRequest, type RawRequest } from '../../support/rawHttp';
import { startHostProcess, type HostedApp } from '../../support/reliability/webHostProcess';

async function raw(port: number, path: string, options: RawRequest = {}): Promise<{ status: number; body: string }> {
  try {
    return await rawTextRequest(port, path, options);
  } catch (error) {
    // A host that stops reading a huge body may reset the socket: that is a refusal too.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ECONNRESET' || code === 'EPIPE') return { status: 0, body: '' };
    throw error;
  }
}

type Category = 'token' | 'host' | 'origin' | 'traversal' | 'rights' | 'injection' | 'xml' | 'secrets' | 'crash';
interface Outcome {
  readonly category: Category;
  readonly attempt: string;
  readonly refused: boolean;
  readonly saw: string;
}

const SECRET_FILE_TEXT = 'not for the browser';
const PASSWORD = 'Quartz-Zebra-8812-redteam';

describe('red team: every attempt refused, the host still up', () => {
  // One data folder for the whole script (the attempts build on each other), removed at the end.
  let dir: string;
  let host: HostedApp;
  const outcomes: Outcome[] = [];
  const record = (category: Category, attempt: string, refused: boolean, saw: string) => outcomes.push({ category, attempt, refused, saw });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fieldmeter-redteam-'));
    writeFileSync(join(dir, 'secret.txt'), SECRET_FILE_TEXT);
    host = await startHostProcess({ db: join(dir, 'fm.db'), demo: true, workDir: dir });
  });
  afterAll(async () => {
    await host?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const json = (r: { json: unknown }) => r.json as { ok: boolean; value?: unknown; error?: { code: string } };
  const code = (r: { json: unknown }) => json(r).error?.code ?? 'ok';
  const sameHost = () => ({ Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json' });

  it('token: calls and events without the right token', async () => {
    const call = (headers: Record<string, string>, path = '/api/call/app.info') =>
      raw(host.port, path, { method: 'POST', headers: { ...sameHost(), ...headers }, body: '{}' });
    for (const [attempt, r] of [
      ['no token', await call({})],
      ['wrong token', await call({ Authorization: 'Bearer not-the-token' })],
      ['token in the query', await call({}, `/api/call/app.info?token=${host.token}`)],
      ['token in a cookie', await call({ Cookie: `token=${host.token}` })],
      ['events without token', await raw(host.port, '/api/events', { headers: sameHost() })],
    ] as const) {
      record('token', attempt, r.status === 401, String(r.status));
    }
  });

  it('host and origin: DNS rebinding and other sites', async () => {
    const call = (headers: Record<string, string>) =>
      raw(host.port, '/api/call/app.info', {
        method: 'POST',
        headers: { ...sameHost(), Authorization: `Bearer ${host.token}`, ...headers },
        body: '{}',
      });
    for (const name of ['evil.example', '127.0.0.1.nip.io', 'localhost.evil.example']) {
      const r = await call({ Host: `${name}:${host.port}` });
      record('host', `Host: ${name}`, r.status === 403, String(r.status));
    }
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`]) {
      const r = await call({ Origin: origin });
      record('origin', `Origin: ${origin}`, r.status === 403, String(r.status));
    }
  });

  it('traversal: files outside the renderer', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '/index.html%00.js',
      '/renderer/../../secret.txt',
    ]) {
      const r = await raw(host.port, path, { headers: { Host: `127.0.0.1:${host.port}` } });
      record('traversal', path, r.status >= 400 && !r.body.includes(SECRET_FILE_TEXT), String(r.status));
    }
  });

  it('rights: a technician reaching for supervisor work', async () => {
    await host.call('session.signOut', {});
    expect(code(await host.call('session.signIn', { name: 'Tina Technician', secret: '111111' }))).toBe('ok');
    const attempts: Array<[string, unknown]> = [
      ['sync.settings.set', { endpoint: 'https://collector.evil.example/cim', soapVersion: '1.1', caPath: '', schemaFolder: '' }],
      ['sync.credentials.clear', {}],
      ['profiles.add', { name: 'Mallory', role: 'supervisor', secret: '24681357' }],
      ['profiles.resetSecret', { name: 'Sam Supervisor', secret: '24681357' }],
      ['review.edit', { readingId: 1, value: '999999', reason: 'mine now' }],
      ['audit.list', {}],
      ['export.run', { format: 'csv' }],
      ['sync.rejected.edit', { messageId: 'x', values: [{ readingType: 'x', value: '1' }], comment: 'x' }],
    ];
    for (const [method, body] of attempts) {
      const r = await host.call(method, body);
      // FORBIDDEN before the input is even looked at; a BAD_REQUEST would mean the right came second.
      record('rights', method, code(r) === 'FORBIDDEN', code(r));
    }
    const guess = await host.call('session.signIn', { name: 'Sam Supervisor', secret: '000000' });
    record('rights', 'sign in as the supervisor with a guessed PIN', code(guess) === 'SIGN_IN_FAILED', code(guess));
    const who = (await host.call('session.get', {})).json as { value: { profile: { name: string } | null } };
    record(
      'rights',
      'a failed sign-in leaves the session as it was',
      who.value.profile?.name === 'Tina Technician',
      who.value.profile?.name ?? 'none',
    );
  });

  it('injection: SQL in searches does no harm', async () => {
    const routes = (await host.call('routes.list', {})).json as { value: { id: string }[] };
    const routeId = routes.value[0]!.id;
    const all = ((await host.call('meters.list', { routeId })).json as { value: unknown[] }).value.length;
    for (const query of ["' OR '1'='1", "%' --", '"; DROP TABLE readings; --', "') UNION SELECT name, sql FROM sqlite_master --"]) {
      const r = await host.call('meters.list', { routeId, query });
      const found = (json(r).value as unknown[] | undefined)?.length ?? -1;
      record('injection', `meters.list query ${query}`, json(r).ok && found < all, `${found} of ${all}`);
    }
    const after = ((await host.call('meters.list', { routeId })).json as { value: unknown[] }).value.length;
    record('injection', 'the route is whole afterwards', after === all, `${after} of ${all}`);
  });

  it('xml: a crafted inbound message through the CLI', async () => {
    const env = { FIELDMETER_USER: 'Sam Supervisor', FIELDMETER_PIN: '333333' };
    const db = join(dir, 'fm.db');
    const files = {
      'billion laughs': [
        '<?xml version="1.0"?>',
        '<!DOCTYPE lolz [',
        ' <!ENTITY lol "lol">',
        ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
        ']>',
        '<RequestMessage>&lol9;</RequestMessage>',
      ].join('\n'),
      'external entity':
        '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<RequestMessage xmlns="http://iec.ch/TC57/2011/schema/message"><Header><Verb>create</Verb><Noun>MeterConfig</Noun></Header><Payload>&x;</Payload></RequestMessage>',
      'deep nesting': `<?xml version="1.0"?>\n${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`,
    };
    for (const [attempt, content] of Object.entries(files)) {
      const file = join(dir, `${attempt.replaceAll(' ', '-')}.xml`);
      writeFileSync(file, content);
      const r = await fieldmeter(['import', 'message', file, '--db', db], env);
      record(
        'xml',
        attempt,
        r.code === 1 && !/root:x:0/.test(r.stdout + r.stderr) && !/RangeError|stack/i.test(r.stderr),
        `exit ${r.code}`,
      );
    }
  });

  it('secrets: a password never lands in a file of the data folder', async () => {
    await host.call('session.signOut', {});
    await host.call('session.signIn', { name: 'Sam Supervisor', secret: '333333' });
    expect(code(await host.call('profiles.add', { name: 'Ria Redteam', role: 'technician', secret: PASSWORD }))).toBe('ok');
    await host.call('session.signOut', {});
    expect(code(await host.call('session.signIn', { name: 'Ria Redteam', secret: PASSWORD }))).toBe('ok');
    await host.call('session.signIn', { name: 'Ria Redteam', secret: `${PASSWORD}x` });
    const needles = [Buffer.from(PASSWORD, 'utf8'), Buffer.from(PASSWORD, 'utf16le'), Buffer.from(PASSWORD).toString('base64')].map((n) =>
      Buffer.from(n),
    );
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const found = files.filter((e) => {
      const bytes = readFileSync(join(e.parentPath, e.name));
      return needles.some((n) => bytes.includes(n));
    });
    record(
      'secrets',
      `password in ${files.length} files of the data folder (database, WAL, logs)`,
      found.length === 0,
      found.map((f) => f.name).join(', ') || 'none',
    );
  });

  it('crash: oversized, malformed and flooding requests leave the host answering', async () => {
    const headers = { ...sameHost(), Authorization: `Bearer ${host.token}` };
    const big = await raw(host.port, '/api/call/app.info', { method: 'POST', headers, body: Buffer.alloc(26 * 1024 * 1024, 0x20) });
    record('crash', '26 MB body', big.status === 413 || big.status === 0, String(big.status));
    const malformed = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        raw(host.port, '/api/call/readings.save', { method: 'POST', headers, body: i % 2 ? '{"usagePointId":' : '[[[[[[[[' }),
      ),
    );
    record(
      'crash',
      '200 malformed calls at once',
      malformed.every((r) => r.status === 400),
      [...new Set(malformed.map((r) => r.status))].join(','),
    );
    for (const member of ['constructor', '__proto__', 'toString']) {
      const r = await raw(host.port, `/api/call/${member}`, { method: 'POST', headers, body: '{}' });
      const refusal = (JSON.parse(r.body || '{}') as { error?: { code?: string } }).error?.code;
      record('crash', `a method named ${member}`, refusal === 'UNKNOWN_METHOD', refusal ?? String(r.status));
    }
    const alive = await host.call('app.info', {});
    record(
      'crash',
      'the host answers afterwards',
      alive.status === 200 && json(alive).ok && host.child.exitCode === null,
      String(alive.status),
    );
  });

  afterAll(() => {
    const categories = [...new Set(outcomes.map((o) => o.category))];
    const line = categories.map((c) => {
      const mine = outcomes.filter((o) => o.category === c);
      return `${c} ${mine.filter((o) => o.refused).length}/${mine.length}`;
    });
    const through = outcomes.filter((o) => !o.refused);
    process.stderr.write(
      `red team: ${outcomes.length} attempts, ${outcomes.length - through.length} refused, ${through.length} got through (${line.join(', ')})\n`,
    );
    for (const o of through) process.stderr.write(`red team: GOT THROUGH ${o.category}: ${o.attempt} (saw ${o.saw})\n`);
  });

  it('nothing got through', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(40);
    expect(outcomes.filter((o) => !o.refused)).toEqual([]);
  });
});
