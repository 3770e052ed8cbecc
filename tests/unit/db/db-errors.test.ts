import express from 'express';
import pino from 'pino';
import supertest from 'supertest';
import { isDbUnavailable, isUniqueViolation } from '../../../src/db/db-errors';
import { Prisma } from '../../../src/generated/prisma/client';
import { problemHandler } from '../../../src/http/problem';

const known = (code: string, cause?: object) => new Prisma.PrismaClientKnownRequestError('failed', {
  code, clientVersion: '7', meta: cause ? { driverAdapterError: { name: 'DriverAdapterError', cause } } : undefined,
});
/** The errors as Prisma 7 with @prisma/adapter-pg raised them in tests/integration (import races, killed and frozen PostgreSQL). */
const rawUnique = known('P2010', { originalCode: '23505', kind: 'UniqueConstraintViolation', constraint: { index: 'centers_source_source_id_key' } });
const rawUnreachable = known('P2010', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 });

function answerTo(err: unknown) {
  const app = express();
  app.get('/x', () => { throw err; });
  app.use(problemHandler(pino({ level: 'silent' })));
  return supertest(app).get('/x');
}

it('classifies by code: unique violations, an unreachable or timed-out database, and not the rest', () => {
  expect(isUniqueViolation(rawUnique)).toBe(true);
  expect(isUniqueViolation(known('P2002'))).toBe(true);
  expect(isUniqueViolation(rawUnreachable)).toBe(false);
  expect(isDbUnavailable(rawUnreachable)).toBe(true);
  expect(isDbUnavailable(known('P1001'))).toBe(true);
  expect(isDbUnavailable(known('P2010', { originalCode: '57014', kind: 'postgres' }))).toBe(true); // statement_timeout
  expect(isDbUnavailable(new Error('Query read timeout'))).toBe(true);
  expect(isDbUnavailable(rawUnique)).toBe(false);
  expect(isDbUnavailable(new Error('something else'))).toBe(false);
  expect(isDbUnavailable(known('P2025'))).toBe(false);
});

it('answers a raw unique violation 409 and an unavailable database 503 with Retry-After', async () => {
  const conflict = await answerTo(rawUnique);
  expect(conflict.status).toBe(409);
  const down = await answerTo(rawUnreachable);
  expect(down.status).toBe(503);
  expect(down.headers['retry-after']).toBe('5');
  expect(down.body.type).toMatch(/db_unavailable$/);
  expect((await answerTo(new Error('boom'))).status).toBe(500);
});
