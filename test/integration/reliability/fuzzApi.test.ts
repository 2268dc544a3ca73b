/**
 * Issue 11, fuzzing the API: random JSON, mutated valid inputs and malformed bodies into every
 * method of the contract (`methodNames`, so methods added later are fuzzed too) through the real
 * web host running as a child process. Each call must end in 200 with {ok:true,value} or a
 * coded {ok:false,error:{code,message}} (400 with a code for a body that is not JSON), within the
 * call timeout; afterwards the host must still answer app.info. FIELDMETER_SEED picks the inputs;
 * FIELDMETER_FUZZ_RUNS the calls per method and kind (default 25).
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../shared/contract/api';
import { csv, row } from '../../support/routeCsv';
import { mutated, type Json } from '../../support/reliability/mutate';
import { startHostProcess, type CallResult, type HostedApp } from '../../support/reliability/webHostProcess';
import { useTempDir } from '../../support/tempDir';

const SEED = Number(process.env.FIELDMETER_SEED ?? 11);
const RUNS = Number(process.env.FIELDMETER_FUZZ_RUNS ?? 25);

/** Valid inputs to start mutating from; methods without one start from {}. */
async function validInputs(host: HostedApp): Promise<Record<string, Json>> {
  const value = async (method: string, body: Json) => ((await host.call(method, body)).json as { value: Json }).value;
  const routeId = ((await value('routes.list', {})) as { id: string }[])[0]!.id;
  const usagePointId = ((await value('meters.list', { routeId })) as { usagePointId: string }[])[0]!.usagePointId;
  const registerId = ((await value('meters.get', { usagePointId })) as { registers: { id: number }[] }).registers[0]!.id;
  return {
    'settings.setLocale': { locale: 'de' },
    'routes.import': { fileName: 'r.csv', content: csv(row()) },
    'meters.list': { routeId, query: 'Main', filter: 'all' },
    'meters.get': { usagePointId },
    'readings.save': {
      usagePointId,
      values: [{ registerId, value: '999999', confirmation: { method: 'reason', reason: 'fuzz' } }],
      note: 'n',
    },
    'visits.skip': { usagePointId, code: 'dog', note: 'n' },
    'photos.add': { usagePointId, fileName: 'a.jpg', mimeType: 'image/jpeg', dataBase64: '/9j/4AAQSkZJRgABAQ==' },
    'photos.list': { usagePointId },
    'photos.get': { photoId: '00000000-0000-4000-8000-000000000000', size: 'full' },
    'readings.list': { usagePointId, limit: 5 },
  };
}

/** Why a response breaks the rule, or null when it is a result object. */
function problem(res: CallResult, malformedBody: boolean): string | null {
  const json = res.json as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown; logId?: unknown } };
  if (res.status !== 200 && !(malformedBody && res.status === 400)) return `HTTP ${res.status}`;
  if (json.ok === true) return 'value' in json ? null : 'ok:true without a value';
  if (json.ok === false && typeof json.error?.code === 'string' && /^[A-Z_]+$/.test(json.error.code)) {
    // The developer's sentence stays in the Node log (issue 16 §3); the log entry's id says where.
    if (json.error.message !== undefined) return `English prose on the wire: ${String(json.error.message).slice(0, 200)}`;
    return json.error.code === 'INTERNAL' ? `INTERNAL (log ${String(json.error.logId)})` : null;
  }
  return `not a result object: ${JSON.stringify(json).slice(0, 200)}`;
}

describe('fuzzing every API method through the web host', () => {
  const tempDir = useTempDir();

  it(`answers ${methodNames.length} methods' random and mutated input with a result or a coded error`, async () => {
    const dir = tempDir();
    const host = await startHostProcess({
      db: join(dir, 'fm.db'),
      demo: true,
      workDir: dir,
      env: { FIELDMETER_SYNC_ENDPOINT: 'http://127.0.0.1:9/' },
    });
    const failures: string[] = [];
    const codes = new Map<string, number>();
    let calls = 0;
    try {
      const valid = await validInputs(host);
      process.stderr.write(`fuzz-api: seed ${SEED} (FIELDMETER_SEED), ${RUNS} runs per method and kind, ${methodNames.length} methods\n`);
      for (const [i, method] of methodNames.entries()) {
        const base = valid[method] ?? {};
        const kinds: [string, fc.Arbitrary<string>, boolean][] = [
          ['random JSON', fc.jsonValue().map((v) => JSON.stringify(v)), false],
          ['mutated', mutated(base).map((v) => JSON.stringify(v)), false],
          [
            'malformed body',
            fc.string({ maxLength: 60 }).filter((s) => {
              try {
                JSON.parse(s);
                return false;
              } catch {
                return true;
              }
            }),
            true,
          ],
        ];
        for (const [kind, body, malformed] of kinds) {
          await fc.assert(
            fc.asyncProperty(body, async (text) => {
              calls++;
              const res = await host.call(method, text).catch((e: unknown) => ({ status: 0, json: { transport: String(e) } }));
              const code = (res.json as { error?: { code?: string } }).error?.code ?? 'OK';
              codes.set(code, (codes.get(code) ?? 0) + 1);
              const why = problem(res, malformed);
              if (why) failures.push(`${method} (${kind}) ${text.slice(0, 120)} → ${why}`);
              return res.status !== 0; // a transport error means the host died or hung: stop here
            }),
            { seed: SEED + i, numRuns: RUNS, endOnFailure: true },
          );
        }
      }
      const info = await host.call('app.info', {});
      expect(info.status).toBe(200);
      expect((info.json as { ok: boolean }).ok).toBe(true);
    } finally {
      await host.kill('SIGKILL');
    }
    process.stderr.write(
      `fuzz-api: ${calls} calls; results ${JSON.stringify(Object.fromEntries(codes))}\n${failures.slice(0, 30).join('\n')}\n`,
    );
    expect(failures).toEqual([]);
  }, 120_000);
});
