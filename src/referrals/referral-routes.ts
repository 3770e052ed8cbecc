import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { AppDeps } from '../app-deps';
import { AppError } from '../errors';
import { defineRoute, jsonResponse } from '../http/define-route';
import { presentSheetCenter } from './present-sheet';
import {
  ReferralListCreated, ReferralListInput, ReferralSheetSchema, TOKEN_PATTERN, TokenParams, type ReferralSheet,
} from './referral-schemas';
import { createReferralList, loadReferralList } from './referral-store';
import { renderMissing, renderSheet, SHEET_CSP } from './render-sheet';
import { z } from 'zod';

const NO_STORE = 'private, no-store';

/** Referral sheets: staff make one from the tray; the caller opens it by its link, no key. */
export function referralRoutes(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  const tags = ['Referral sheets'];
  const base = deps.config.PUBLIC_URL?.replace(/\/$/, '') ?? '';

  const sheetFor = async (token: string): Promise<ReferralSheet | 'expired' | 'missing'> => {
    const list = await loadReferralList(deps.db, token);
    if (list.state !== 'ok') return list.state;
    return { language: list.language, created_at: list.created_at, expires_at: list.expires_at, centers: list.centers.map((c) => presentSheetCenter(c, list.language)) };
  };

  defineRoute(router, registry, {
    method: 'post', path: '/v1/referral-lists', tags, role: 'staff', summary: 'Make a referral sheet for a caller',
    description: 'Stores only the center ids, the language and the dates — nothing about the caller and no search criteria — and returns an unguessable token. The sheet is readable by anyone with the link until it expires (default 30 days).',
    body: ReferralListInput,
    responses: { 201: jsonResponse(ReferralListCreated, 'The sheet and its links') },
    handler: async ({ body }, _req, res) => {
      const made = await createReferralList(deps.db, body);
      res.status(201).setHeader('Cache-Control', 'no-store');
      res.setHeader('Location', `/v1/referral-lists/${made.token}`);
      return { ...made, url: `${base}/r/${made.token}`, json_url: `${base}/v1/referral-lists/${made.token}` };
    },
  });

  defineRoute(router, registry, {
    method: 'get', path: '/v1/referral-lists/:token', tags, summary: 'A referral sheet as JSON',
    description: 'No key needed: the token is the secret. 410 once expired.',
    params: TokenParams,
    responses: { 200: jsonResponse(ReferralSheetSchema, 'The sheet'), 404: { description: 'No such sheet' }, 410: { description: 'The sheet has expired' } },
    handler: async ({ params }, _req, res) => {
      const sheet = await sheetFor(params.token);
      if (sheet === 'missing') throw new AppError('not_found', 'No referral sheet with this token');
      if (sheet === 'expired') throw new AppError('gone', 'This referral sheet has expired');
      res.setHeader('Cache-Control', NO_STORE);
      return sheet;
    },
  });

  defineRoute(router, registry, {
    method: 'get', path: '/r/:token', tags, summary: 'A referral sheet as a printable page',
    description: 'Server-rendered HTML for a phone or a printer: each program\'s phone, address, map link, hours and what to ask for. An unknown or expired link gets a page that says so (404 / 410).',
    params: z.object({ token: z.string().describe('The token of the sheet') }),
    responses: {
      200: { description: 'The sheet', content: { 'text/html': { schema: { type: 'string' } } } },
      // A person opened the link: they get a page that says so, not a problem document.
      404: { description: 'No such sheet', content: { 'text/html': { schema: { type: 'string' } } } },
      410: { description: 'Expired', content: { 'text/html': { schema: { type: 'string' } } } },
    },
    handler: async ({ params }, _req, res) => {
      const sheet = TOKEN_PATTERN.test(params.token) ? await sheetFor(params.token) : 'missing';
      res.setHeader('Content-Security-Policy', SHEET_CSP);
      res.setHeader('Cache-Control', NO_STORE);
      res.setHeader('X-Robots-Tag', 'noindex');
      if (sheet === 'missing' || sheet === 'expired') {
        res.status(sheet === 'missing' ? 404 : 410).type('html').send(renderMissing(sheet));
        return;
      }
      res.type('html').send(renderSheet(sheet));
    },
  });
  return router;
}
