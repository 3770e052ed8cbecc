import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { buildCenter } from '../support/build-center';
import { ADMIN_KEY, admin, startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let server: http.Server;
let port: number;
beforeAll(async () => {
  t = await startTestApp(); // a pool of 5 connections
  server = http.createServer(t.app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await t.close();
});

/** An all_or_nothing upload that sends 2 bytes a second, until stopped. */
function slowUpload(body: string) {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => {});
  socket.write(`POST /v1/imports?mode=all_or_nothing HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${ADMIN_KEY}\r\n`
    + `Content-Type: application/x-ndjson\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
  let sent = 0;
  const drip = setInterval(() => { socket.write(body.slice(sent, sent + 2)); sent += 2; }, 1000);
  return () => { clearInterval(drip); socket.destroy(); };
}

it('12 slow all_or_nothing uploads leave the pool to other requests', async () => {
  const created = await t.request.post('/v1/centers').set(admin).send(buildCenter());
  const body = JSON.stringify(buildCenter({ source: 'slow', source_id: 's-1' })) + '\n';
  const uploads = Array.from({ length: 12 }, () => slowUpload(body));
  try {
    await new Promise((r) => setTimeout(r, 1500)); // every upload has started
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const reads = await Promise.all(Array.from({ length: 5 }, () => t.request.get(`/v1/centers/${created.body.id}`)));
      const seconds = (Date.now() - started) / 1000;
      console.log(`round ${i + 1} during 12 slow uploads: ${reads.map((r) => r.status).join(',')} in ${seconds} s`);
      expect(reads.map((r) => r.status)).toEqual(Array(5).fill(200));
      expect(seconds).toBeLessThan(2);
    }
  } finally {
    for (const stop of uploads) stop();
  }
  expect(await t.deps.db.center.count({ where: { source: 'slow' } })).toBe(0);
}, 30_000);

it('an all_or_nothing upload read to the end is still imported', async () => {
  const centers = [1, 2, 3].map((n) => buildCenter({ source: 'spooled', source_id: `sp-${n}` }));
  const res = await t.request.post('/v1/imports').query({ mode: 'all_or_nothing' }).set(admin)
    .set('Content-Type', 'application/x-ndjson').send(centers.map((c) => JSON.stringify(c)).join('\n'));
  expect(res.status).toBe(200);
  expect(res.body.counts.created).toBe(3);
});
