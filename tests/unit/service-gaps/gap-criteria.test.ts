import { SearchQuerySchema } from '../../../src/search/search-query';
import { gapCriteria, gapRegion } from '../../../src/service-gaps/gap-criteria';

const parse = (q: Record<string, string>) => SearchQuerySchema.parse(q);

describe('what a service gap keeps of a search', () => {
  it('codes and criteria in a stable order; that there was text, never the text', () => {
    const a = gapCriteria(parse({ payer: 'medicaid', level: 'php,iop', schedule: 'evening', q: 'my daughter Ana meth', near: '10027' }));
    const b = gapCriteria(parse({ level: 'iop,php', schedule: 'evening', payer: 'medicaid', q: 'something else', near: '60614' }));
    expect(a).toBe('level=iop,php&payer=medicaid&schedule=evening&text=yes');
    expect(b).toBe(a);
    expect(gapCriteria(parse({}))).toBe('none');
    expect(gapCriteria(parse({ has_openings: 'true', walk_in: 'false', condition_not: 'alcohol' }))).toBe('condition_not=alcohol&has_openings=true&walk_in=false');
  });

  it('the state and the ZIP\'s first three digits only; coordinates give neither', () => {
    expect(gapRegion(parse({ near: '10027' }))).toEqual({ state: 'NY', zip3: '100' });
    expect(gapRegion(parse({ state: 'CA', near: '10027' }))).toEqual({ state: 'CA', zip3: '100' });
    expect(gapRegion(parse({ near: '40.81,-73.95' }))).toEqual({ state: '', zip3: '' });
  });
});
