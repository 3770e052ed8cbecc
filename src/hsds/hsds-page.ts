/**
 * The HSDS 3.0 `Page` envelope of list endpoints (openapi.json, components.schemas.Page, with
 * `contents` added by each list response).
 */
export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export interface HsdsPageOptions {
  /** Items matching the query across all pages. */
  totalItems: number;
  /** 1-based page number that `contents` is. */
  page: number;
  /** Requested page size. */
  perPage: number;
}

/**
 * `size` is the number of entities on this page (HSDS: "the number of entities in the current
 * page"), not the requested page size. `empty` is true when this page has no entities, which
 * covers both an empty result and a page past the end. With no results, total_pages is 0 and
 * page 1 is both the first and the last page.
 */
export function toHsdsPage<T>(contents: T[], { totalItems, page, perPage }: HsdsPageOptions): HsdsPage<T> {
  for (const [name, value, min] of [['totalItems', totalItems, 0], ['page', page, 1], ['perPage', perPage, 1]] as const) {
    if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
  const totalPages = Math.ceil(totalItems / perPage);
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
