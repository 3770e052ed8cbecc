import crypto from 'node:crypto';
import { admin, startTestApp, type TestApp } from '../support/test-app';
import { freePort } from '../support/test-services';

describe('failed authentications', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ env: { RATE_LIMIT_FAILED_AUTH: '5' } }); });
  afterAll(() => t.close());

  it('are limited per IP before the key is looked up, and a valid key from that IP keeps working', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.request.get('/v1/centers').query({ q: 'x' }).set('Authorization', `Bearer tdk_partner_${crypto.randomBytes(12).toString('hex')}`);
      codes.push(res.status);
      if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    expect((await t.request.get('/v1/taxonomy').set(admin)).status).toBe(200);
    expect((await t.request.get('/v1/taxonomy')).status).toBe(200); // no key: the per-IP limit, not this one
  });
});

describe('Redis unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    const port = await freePort(); // nothing listens there
    t = await startTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}/0`, RATE_LIMIT_ANONYMOUS: '3' } });
  });
  afterAll(() => t.close());

  it('requests are still served (limits fail open), never a 500, and /ready says so', async () => {
    for (let i = 0; i < 6; i++) expect((await t.request.get('/v1/taxonomy')).status).toBe(200);
    const ready = await t.request.get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.rate_limits).toMatchObject({ store: 'redis', ok: false });
  });
});
