import { findUnstorableText } from '../../../src/http/unstorable-text';

describe('findUnstorableText', () => {
  it('finds NUL and unpaired surrogates anywhere, by path', () => {
    expect(findUnstorableText({ a: 'ok', b: { c: ['x', 'y\u0000'] }, d: 'half \ud83d', e: 'tail \ude00' })).toEqual([
      { path: ['b', 'c', 1], message: expect.stringMatching(/NUL/) },
      { path: ['d'], message: expect.stringMatching(/surrogate/) },
      { path: ['e'], message: expect.stringMatching(/surrogate/) },
    ]);
  });

  it('accepts emoji (paired surrogates), other control characters and non-strings', () => {
    expect(findUnstorableText({ a: '🧪 ok', b: 'tab\tnew\nline\u0001', c: 1, d: null, e: [true] })).toEqual([]);
  });

  it('names a field whose key holds NUL', () => {
    expect(findUnstorableText({ 'na\u0000me': 'x' })).toEqual([{ path: ['na\\u0000me'], message: expect.stringMatching(/field name/) }]);
  });

  it('stops on deep or huge inputs', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 1000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toEqual([{ path: expect.any(Array), message: 'is nested too deeply' }]);
    expect(findUnstorableText(Array.from({ length: 100 }, () => '\u0000'))).toHaveLength(20);
  });
});
