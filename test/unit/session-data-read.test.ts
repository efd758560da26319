/** A session's attributes read back: one profile held as both the profile and the stored one. */

import { newProfile } from '../../lambda/core/profile';
import { parseSessionData } from '../../lambda/handlers/session-data';

describe('parseSessionData', () => {
  it('reads a profile held as both once, and both come back as it reads', () => {
    const profile = { ...newProfile(), disclaimerHeard: true, appliedUpdateIds: ['a', 7] };
    const data = parseSessionData({ profile, stored: profile, version: 3 });
    expect(data?.stored).toBe(data?.profile);
    expect(data?.profile).toEqual({ ...newProfile(), disclaimerHeard: true, appliedUpdateIds: ['a'] });
  });

  it('reads a stored profile of its own on its own', () => {
    const profile = { ...newProfile(), disclaimerHeard: true };
    const stored = { ...newProfile(), screeningHeard: true };
    const data = parseSessionData({ profile, stored, version: 3 });
    expect(data?.profile).toEqual({ ...newProfile(), disclaimerHeard: true });
    expect(data?.stored).toEqual({ ...newProfile(), screeningHeard: true });
  });

  it('keeps no stored profile without a version', () => {
    const profile = newProfile();
    expect(parseSessionData({ profile, stored: profile })).not.toHaveProperty('stored');
  });
});
