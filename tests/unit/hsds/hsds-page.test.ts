import { toHsdsPage } from '../../../src/hsds/hsds-page';
import type { LevelOfCare } from '../../../src/taxonomy/codes';
import { hsdsTaxonomies, hsdsTaxonomyTerms } from '../../../src/hsds/hsds-taxonomy';
import { toHsdsServiceListItem } from '../../../src/hsds/map-center';
import { CTX, buildMinimalCenter, buildRichCenter } from './center-fixtures';
import { expectHsdsResponse, hsdsResponseValidator } from './hsds-schemas';

describe('toHsdsPage', () => {
  it('describes a middle page', () => {
    const page = toHsdsPage(['x', 'y'], { totalItems: 5, page: 2, perPage: 2 });
    expect(page).toEqual({
      total_items: 5, total_pages: 3, page_number: 2, size: 2,
      first_page: false, last_page: false, empty: false, contents: ['x', 'y'],
    });
  });

  it('counts the last, partial page by its entities', () => {
    expect(toHsdsPage(['z'], { totalItems: 5, page: 3, perPage: 2 }))
      .toMatchObject({ total_pages: 3, size: 1, first_page: false, last_page: true, empty: false });
  });

  it('marks an empty result as one empty first-and-last page with no pages', () => {
    expect(toHsdsPage([], { totalItems: 0, page: 1, perPage: 20 })).toEqual({
      total_items: 0, total_pages: 0, page_number: 1, size: 0,
      first_page: true, last_page: true, empty: true, contents: [],
    });
  });

  it('marks a page past the end as empty', () => {
    expect(toHsdsPage([], { totalItems: 3, page: 9, perPage: 2 }))
      .toMatchObject({ total_pages: 2, last_page: true, empty: true, size: 0 });
  });

  it('rejects impossible paging', () => {
    expect(() => toHsdsPage([], { totalItems: 1, page: 0, perPage: 10 })).toThrow(RangeError);
    expect(() => toHsdsPage([], { totalItems: 1, page: 1, perPage: 0 })).toThrow(RangeError);
    expect(() => toHsdsPage([], { totalItems: -1, page: 1, perPage: 10 })).toThrow(RangeError);
  });
});

describe('Page envelopes against openapi.json', () => {
  it('GET /services: a page of service list items', () => {
    const rich = buildRichCenter();
    const contents = [
      ...(rich.levels_of_care as LevelOfCare[]).map((level) => toHsdsServiceListItem(rich, level, CTX)),
      toHsdsServiceListItem(buildMinimalCenter(), 'outpatient', CTX),
    ];
    expectHsdsResponse('/services', toHsdsPage(contents, { totalItems: 12, page: 1, perPage: 5 }));
  });

  it('GET /taxonomies and /taxonomy_terms', () => {
    const taxonomies = hsdsTaxonomies(CTX);
    expectHsdsResponse('/taxonomies', toHsdsPage(taxonomies, { totalItems: taxonomies.length, page: 1, perPage: 100 }));
    const terms = hsdsTaxonomyTerms(CTX).slice(0, 20);
    expectHsdsResponse('/taxonomy_terms', toHsdsPage(terms, { totalItems: 80, page: 1, perPage: 20 }));
  });

  it('the validator rejects a page with a broken item or a mistyped field', () => {
    const validate = hsdsResponseValidator('/services');
    const item = toHsdsServiceListItem(buildMinimalCenter(), 'outpatient', CTX);
    expect(validate(toHsdsPage([{ ...item, status: 'closed' }], { totalItems: 1, page: 1, perPage: 10 }))).toBe(false);
    expect(validate({ ...toHsdsPage([item], { totalItems: 1, page: 1, perPage: 10 }), total_items: '1' })).toBe(false);
  });
});
