/** The ids the CONCERN slot carries: everyday concerns and warning signs, told apart. */
import { CONCERN_IDS, CONCERN_SLOT_IDS, isConcernId } from '../../lambda/core/concerns';
import { isWarningSignId, tierOf, WARNING_SIGN_IDS } from '../../lambda/core/warning-signs';

describe('concern and warning-sign ids', () => {
  it.each(CONCERN_IDS.map((id) => [id]))('%s is a concern and not a warning sign', (id) => {
    expect(isConcernId(id)).toBe(true);
    expect(isWarningSignId(id)).toBe(false);
  });

  it.each(WARNING_SIGN_IDS.map((id) => [id]))('%s is a warning sign and not a concern', (id) => {
    expect(isWarningSignId(id)).toBe(true);
    expect(isConcernId(id)).toBe(false);
  });

  it.each([[undefined], [null], [3], [''], ['toString'], ['hasOwnProperty'], ['Swollenfeet']])(
    '%p is neither',
    (value) => {
      expect(isConcernId(value)).toBe(false);
      expect(isWarningSignId(value)).toBe(false);
    },
  );

  it('the slot carries exactly both lists, with no id in both', () => {
    expect(CONCERN_SLOT_IDS).toEqual([...CONCERN_IDS, ...WARNING_SIGN_IDS]);
    expect(new Set(CONCERN_SLOT_IDS).size).toBe(CONCERN_SLOT_IDS.length);
  });

  it.each([
    ['heavyBleeding', 1],
    ['cantBreathe', 1],
    ['seizure', 1],
    ['bleeding', 2],
    ['legClot', 2],
    ['pretermContractions', 2],
    ['itching', 3],
    ['mildHeadache', 3],
  ] as const)('%s is tier %i, as safety.md puts it', (sign, tier) => {
    expect(tierOf(sign)).toBe(tier);
  });
});
