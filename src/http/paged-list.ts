import type { Request } from 'express';
import { z } from 'zod';

/** `page` and `per_page` of every list (docs/api-conventions.md, "Lists and paging"). */
export const PageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe('Page number, from 1'),
  per_page: z.coerce.number().int().min(1).max(100).default(20).describe('Results per page (max 100)'),
};

/** The list envelope (docs/api-conventions.md): `{ data, meta: { total, page, per_page, total_pages, ... }, links }`. */
export function pagedList<T, M extends object>(req: Request, data: T[], total: number, page: number, perPage: number, extraMeta?: M) {
  const totalPages = Math.ceil(total / perPage);
  return {
    data,
    meta: { total, page, per_page: perPage, total_pages: totalPages, ...extraMeta } as { total: number; page: number; per_page: number; total_pages: number } & M,
    links: pageLinks(req, page, totalPages),
  };
}

function pageLinks(req: Request, page: number, totalPages: number) {
  const url = new URL(req.originalUrl, 'http://x');
  const at = (p: number) => { url.searchParams.set('page', String(p)); return url.pathname + url.search; };
  return { self: at(page), next: page < totalPages ? at(page + 1) : null, prev: page > 1 ? at(Math.min(page - 1, Math.max(totalPages, 1))) : null };
}
