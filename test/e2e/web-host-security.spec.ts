/** The loopback web host from the outside: only our page, with its token, reaches the API. */
import { expect, test } from './fixtures';

test('a fetch from the page without the token is refused with 401', async ({ app: page }) => {
  const answer = await page.evaluate(async () => {
    const response = await fetch('/api/call/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return { status: response.status, body: await response.json() };
  });
  expect(answer.status).toBe(401);
  expect(answer.body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });

  const wrong = await page.evaluate(async () => {
    const response = await fetch('/api/call/app.info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer not-the-token' },
      body: '{}',
    });
    return response.status;
  });
  expect(wrong).toBe(401);
});

test('the event stream needs the token too', async ({ app: page }) => {
  const status = await page.evaluate(async () => (await fetch('/api/events')).status);
  expect(status).toBe(401);
});

test.describe('requests from outside the page', () => {
  test('a foreign Host header is refused with 403 (DNS rebinding)', async ({ request, host }) => {
    const response = await request.post(`${host.current.origin}/api/call/app.info`, {
      headers: { Host: 'evil.example:80', Authorization: `Bearer ${host.current.token}` },
      data: {},
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  test('a foreign Origin is refused with 403', async ({ request, host }) => {
    const response = await request.post(`${host.current.origin}/api/call/app.info`, {
      headers: { Origin: 'https://evil.example', Authorization: `Bearer ${host.current.token}` },
      data: {},
    });
    expect(response.status()).toBe(403);
  });

  test('a missing token is 401, malformed JSON is 400 BAD_REQUEST, an unknown method is UNKNOWN_METHOD', async ({ request, host }) => {
    const url = (method: string) => `${host.current.origin}/api/call/${method}`;
    const auth = { Authorization: `Bearer ${host.current.token}`, 'Content-Type': 'application/json' };

    const missing = await request.post(url('app.info'), { data: {} });
    expect(missing.status()).toBe(401);

    const malformed = await request.post(url('app.info'), { headers: auth, data: Buffer.from('{"not json') });
    expect(malformed.status()).toBe(400);
    expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const unknown = await request.post(url('meters.delete'), { headers: auth, data: {} });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });

    // The method's right is checked before its input: nobody is signed in here, so a malformed
    // save is told to sign in, not how to shape a request it may not make.
    const unsignedSave = await request.post(url('readings.save'), { headers: auth, data: { usagePointId: 'UP-1', values: [] } });
    expect(await unsignedSave.json()).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    const badInput = await request.post(url('session.signIn'), { headers: auth, data: { name: '', secret: '' } });
    expect(await badInput.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const fine = await request.post(url('app.info'), { headers: auth, data: {} });
    expect(fine.status()).toBe(200);
    expect(await fine.json()).toMatchObject({ ok: true, value: { host: 'web', firstRun: true } });
  });
});
