import { SETTINGS_REVISION, SETTINGS_VERSION } from '../../../src/search/index-settings';

/**
 * The revision is what decides, across instances, whether the live index may be rebuilt: a
 * settings change that keeps the old revision would let two versions flip the index back and
 * forth. Changing INDEX_SETTINGS fails this test until the revision is bumped and the pair
 * below updated.
 */
it('bumps SETTINGS_REVISION with every change of INDEX_SETTINGS', () => {
  expect({ revision: SETTINGS_REVISION, hash: SETTINGS_VERSION }).toEqual({ revision: 4, hash: 'e0f6a2ea73d7' });
});
