/** Number and duration slots as Alexa sends them, read as untrusted text. */
import type { HandlerInput } from 'ask-sdk-core';
import { parseDurationSlot, parseNumberSlot } from '../../lambda/handlers/slots';

/** The part of a handler input the slot readers look at. */
function inputWith(slots: Record<string, { value?: unknown }> | undefined): HandlerInput {
  const request = { type: 'IntentRequest', intent: { name: 'WaitIntent', slots } };
  return { requestEnvelope: { request } } as unknown as HandlerInput;
}

const withValue = (value: unknown) => inputWith({ slot: { value } });

describe('parseDurationSlot', () => {
  it.each([
    ['PT30S', 30],
    ['PT1M', 60],
    ['PT2M', 120],
    ['PT1M30S', 90],
    ['PT1H', 3600],
    ['P1D', 86_400],
    ['pt2m', 120],
    [' PT45S ', 45],
    ['PT10.5S', 10.5],
  ])('reads %s as %d seconds', (value, seconds) => {
    expect(parseDurationSlot(withValue(value), 'slot')).toBe(seconds);
  });

  it('caps a duration at a day', () => {
    expect(parseDurationSlot(withValue('P999D'), 'slot')).toBe(86_400);
  });

  it.each([['?'], ['PT?M'], ['P'], ['PT'], ['PT0S'], ['two minutes'], ['P1W'], [''], [42], [null]])(
    'has no duration for %p',
    (value) => {
      expect(parseDurationSlot(withValue(value), 'slot')).toBeUndefined();
    },
  );

  it('has no duration when the slot or the slots are missing', () => {
    expect(parseDurationSlot(inputWith({}), 'slot')).toBeUndefined();
    expect(parseDurationSlot(inputWith(undefined), 'slot')).toBeUndefined();
  });
});

describe('parseNumberSlot', () => {
  it.each([
    ['3', 3],
    ['0', 0],
    [' 12 ', 12],
    ['9999', 9999],
  ])('reads %p as %d', (value, number) => {
    expect(parseNumberSlot(withValue(value), 'slot')).toBe(number);
  });

  it.each([['?'], ['three'], ['-1'], ['2.5'], ['10000'], ['1e3'], [''], [3], [undefined]])(
    'has no number for %p',
    (value) => {
      expect(parseNumberSlot(withValue(value), 'slot')).toBeUndefined();
    },
  );
});
