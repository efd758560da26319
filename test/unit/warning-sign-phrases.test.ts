import { CONCERN_IDS } from '../../lambda/core/concerns';
import { tierOf, WARNING_SIGN_IDS } from '../../lambda/core/warning-signs';
import { Intent } from '../../lambda/handlers/intents';
import { createResolver, loadModel } from '../../tools/simulator/resolver';
import { LABOUR_PHRASES, UNKNOWN_CONCERN_PHRASES, WARNING_SIGN_PHRASES } from '../fixtures/warning-sign-phrases';

const resolver = createResolver(loadModel('en-US'));
const CONCERN_INTENTS: readonly string[] = [Intent.WarningSign, Intent.HelpWith];
const everyday: readonly string[] = CONCERN_IDS;

describe('warning signs said naturally reach their sign through the concern slot', () => {
  it.each(WARNING_SIGN_PHRASES.map(({ phrase, sign }) => [phrase, sign]))('"%s" → %s', (phrase, sign) => {
    const resolution = resolver.resolve(phrase);
    expect(CONCERN_INTENTS).toContain(resolution.intent);
    expect(resolution.slots.concern?.id).toBe(sign);
  });

  it('never sends a warning sign to a routine or to an everyday concern', () => {
    const astray = WARNING_SIGN_PHRASES.map(({ phrase }) => ({ phrase, ...resolver.resolve(phrase) })).filter(
      (resolution) =>
        resolution.intent === Intent.StartRoutine || everyday.includes(resolution.slots.concern?.id ?? ''),
    );
    expect(astray).toEqual([]);
  });

  it('has at least a hundred distinct phrasings', () => {
    const phrases = WARNING_SIGN_PHRASES.map(({ phrase }) => phrase.toLowerCase());
    expect(new Set(phrases).size).toBe(phrases.length);
    expect(phrases.length).toBeGreaterThanOrEqual(100);
  });

  it('covers every sign but pretermContractions, which only the labour question reaches', () => {
    const covered = new Set(WARNING_SIGN_PHRASES.map(({ sign }) => sign));
    expect([...covered].sort()).toEqual(WARNING_SIGN_IDS.filter((sign) => sign !== 'pretermContractions').sort());
  });

  it.each(WARNING_SIGN_IDS.filter((sign) => sign !== 'pretermContractions'))(
    '%s is said in at least three sentence shapes (four phrasings at tier 1)',
    (sign) => {
      const phrases = WARNING_SIGN_PHRASES.filter((entry) => entry.sign === sign).map(({ phrase }) => phrase);
      const shapes = new Set(phrases.map((phrase) => resolver.resolve(phrase).sample));
      expect(shapes.size).toBeGreaterThanOrEqual(3);
      expect(phrases.length).toBeGreaterThanOrEqual(tierOf(sign) === 1 ? 4 : 3);
    },
  );
});

describe('labour words reach the labour questions', () => {
  it.each(LABOUR_PHRASES)('"%s"', (phrase) => {
    const resolution = resolver.resolve(phrase);
    if (resolution.intent === Intent.Labour) return;
    expect(resolution.intent).toBe(Intent.HelpWith);
    expect(resolution.slots.concern?.id).toBe('earlyLabour');
  });

  it.each(['tightenings', 'Braxton Hicks', "we're in early labour"])('includes "%s"', (phrase) => {
    expect(LABOUR_PHRASES).toContain(phrase);
  });
});

describe('a concern the skill does not know', () => {
  it.each(UNKNOWN_CONCERN_PHRASES)('"%s" reaches HelpWithIntent with what was heard and no id', (phrase) => {
    const resolution = resolver.resolve(phrase);
    expect(resolution.intent).toBe(Intent.HelpWith);
    expect(resolution.slots.concern?.value).toBeTruthy();
    expect(resolution.slots.concern?.id).toBeUndefined();
  });
});
