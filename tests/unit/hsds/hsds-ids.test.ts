import { HSDS_NAMESPACE, centerScopedId, globalId, uniqueKeys, uuidV5 } from '../../../src/hsds/hsds-ids';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const URL_NS = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('matches the RFC example and Python uuid.uuid5', () => {
    expect(uuidV5('www.example.com', DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('https://example.org/v1/centers/ünïcode', URL_NS)).toBe('8272f7d2-ddc4-5476-8a40-fd0cd639ab17');
  });

  it('sets version 5 and the RFC variant', () => {
    expect(uuidV5('anything', HSDS_NAMESPACE)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reads the namespace case-insensitively and rejects a non-UUID', () => {
    expect(uuidV5('x', DNS.toUpperCase())).toBe(uuidV5('x', DNS));
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(TypeError);
  });
});

describe('derived ids', () => {
  const a = '3f0c2a5e-8d1b-4c7e-9a6f-2b1d4e5f6a7b';
  const b = 'a1b2c3d4-0000-4000-8000-000000000001';

  it('are stable for the same center and key, and differ across centers and keys', () => {
    expect(centerScopedId(a, 'service', 'iop')).toBe(centerScopedId(a, 'service', 'iop'));
    expect(centerScopedId(a, 'service', 'iop')).not.toBe(centerScopedId(b, 'service', 'iop'));
    expect(centerScopedId(a, 'service', 'iop')).not.toBe(centerScopedId(a, 'service', 'php'));
    expect(globalId('taxonomy', 'payers')).toBe(uuidV5('taxonomy:payers', HSDS_NAMESPACE));
  });

  it('numbers repeated keys so identical rows keep distinct ids', () => {
    expect(uniqueKeys(['a', 'b', 'a', 'a'])).toEqual(['a', 'b', 'a#1', 'a#2']);
  });
});
