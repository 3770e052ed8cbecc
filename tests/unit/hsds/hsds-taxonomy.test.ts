import {
  HSDS_TAXONOMY_FIELDS, hsdsTaxonomies, hsdsTaxonomyTerms, taxonomyId, toHsdsAttributes, toHsdsTaxonomyTerm,
} from '../../../src/hsds/hsds-taxonomy';
import { hsdsServiceId } from '../../../src/hsds/map-center';
import { FACT_TAXONOMIES } from '../../../src/hsds/listing-fact-terms';
import { CODE_FIELDS } from '../../../src/taxonomy/codes';
import { CTX, buildRichCenter } from './center-fixtures';
import { expectHsds, undeclaredFields } from './hsds-schemas';

describe('HSDS taxonomies from our code lists', () => {
  const taxonomies = hsdsTaxonomies(CTX);
  const terms = hsdsTaxonomyTerms(CTX);

  it('publishes one valid taxonomy per code list, pointing at /v1/taxonomy, then the listing facts', () => {
    expect(taxonomies.map((t) => t.uri)).toEqual([
      ...HSDS_TAXONOMY_FIELDS.map((f) => `https://directory.example.org/v1/taxonomy#${f}`),
      ...FACT_TAXONOMIES.map((f) => `https://directory.example.org/hsds/taxonomies/${taxonomyId(f)}`),
    ]);
    for (const t of taxonomies) {
      expectHsds('taxonomy.json', t);
      expect(undeclaredFields('taxonomy.json', t)).toEqual([]);
    }
    expect(taxonomies[0]).toMatchObject({ name: 'Treatment directory: levels of care', version: '1' });
  });

  it('publishes every code as a valid term of its taxonomy', () => {
    const expected = HSDS_TAXONOMY_FIELDS.reduce((n, f) => n + CODE_FIELDS[f].length, 0) + 3 + 5; // service facts, price units
    expect(terms).toHaveLength(expected);
    expect(new Set(terms.map((t) => t.id)).size).toBe(expected);
    for (const t of terms) {
      expectHsds('taxonomy_term.json', t);
      expect(undeclaredFields('taxonomy_term.json', t)).toEqual([]);
    }
  });

  it('labels terms from codes.ts and carries the ASAM / SAMHSA crosswalk for levels', () => {
    expect(toHsdsTaxonomyTerm('levels_of_care', 'iop', CTX)).toEqual({
      id: expect.any(String),
      code: 'iop',
      name: 'Intensive outpatient',
      description: 'Intensive outpatient. ASAM level 2.1; SAMHSA locator codes OIT.',
      taxonomy_id: taxonomyId('levels_of_care'),
      taxonomy: 'https://directory.example.org/v1/taxonomy#levels_of_care',
      term_uri: 'https://directory.example.org/v1/taxonomy#levels_of_care/iop',
      language: 'en',
    });
    expect(toHsdsTaxonomyTerm('payers', 'sliding_scale', CTX)).toMatchObject({ name: 'Sliding-scale fees', description: 'Sliding-scale fees' });
    expect(() => toHsdsTaxonomyTerm('payers', 'bitcoin', CTX)).toThrow(RangeError);
  });

  it('gives the same ids whatever the base URL and on every call', () => {
    const other = hsdsTaxonomyTerms({ baseUrl: 'http://localhost:3000' });
    expect(other.map((t) => t.id)).toEqual(terms.map((t) => t.id));
    expect(hsdsTaxonomies(CTX)).toEqual(taxonomies);
  });

  it('filters terms by taxonomy', () => {
    expect(hsdsTaxonomyTerms(CTX, 'medications').map((t) => t.code)).toEqual([...CODE_FIELDS.medications]);
  });
});

describe('toHsdsAttributes', () => {
  const center = buildRichCenter();
  const serviceId = hsdsServiceId(center, 'iop');
  const attributes = toHsdsAttributes(center, 'iop', serviceId, CTX);

  it('links the level and every center-wide code to the service', () => {
    expect(attributes.map((a) => `${a.link_type}:${a.taxonomy_term.code}`)).toEqual([
      'levels_of_care:iop',
      'modalities:cbt', 'modalities:dbt', 'modalities:mat', 'modalities:group',
      'medications:buprenorphine', 'medications:naltrexone',
      'payers:medicaid', 'payers:private', 'payers:self_pay',
      'insurers:aetna', 'insurers:cigna',
      'populations:adults', 'populations:veterans', 'populations:co_occurring',
    ]);
    for (const a of attributes) {
      expect(a).toMatchObject({ link_id: serviceId, link_entity: 'service', taxonomy_term_id: a.taxonomy_term.id });
      expectHsds('attribute.json', a);
    }
  });

  it('gives each attribute its own id, distinct between levels', () => {
    const other = toHsdsAttributes(center, 'outpatient', hsdsServiceId(center, 'outpatient'), CTX);
    const ids = [...attributes, ...other].map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
