/** The locale's numbers in SSML: the digits stay for a screen, the alias is what Alexa says. */
import { contentFor } from '../../lambda/content';
import { LOCALES } from '../../lambda/content/locales';
import { renderPlan, renderSegments } from '../../lambda/speech/ssml';
import { checkSsml } from '../support/speech-checks';

const say = (text: string) => ({ kind: 'speech' as const, role: 'answer' as const, text, seconds: 2 });
const AU = { '000': 'triple zero', '111': 'one one one' };

describe('spoken numbers', () => {
  it('speaks each of the locale’s numbers by its alias', () => {
    const ssml = renderSegments([say('Call 000 now, or 111 in New Zealand.')], 'normal', AU);
    expect(ssml).toBe(
      '<speak>Call <sub alias="triple zero">000</sub> now, or <sub alias="one one one">111</sub> in New Zealand.</speak>',
    );
  });

  it('leaves other numbers, and numbers inside longer ones, as they are', () => {
    const ssml = renderSegments([say('Step 3 of 6. 1000 ways, 0001, 111.5 and 2,111.')], 'normal', AU);
    expect(ssml).not.toContain('<sub');
  });

  it('with no numbers given, the text is only escaped', () => {
    expect(renderSegments([say("Call 999, it's urgent.")], 'normal')).toBe(
      '<speak>Call 999, it&apos;s urgent.</speak>',
    );
  });

  it('the reprompt speaks them the same way', () => {
    const rendered = renderPlan(
      { segments: [say('Call 999 now.')], reprompt: 'Call 999 now.', listen: true, endSession: false },
      'slower',
      { '999': 'nine nine nine' },
    );
    expect(rendered.repromptSsml).toContain('<sub alias="nine nine nine">999</sub>');
    expect(rendered.ssml).toContain('<sub alias="nine nine nine">999</sub>');
  });

  it.each(LOCALES.map((locale) => [locale]))(
    '%s: every tier-1 answer is valid SSML with its number spoken',
    (locale) => {
      const content = contentFor(locale);
      const ssml = renderSegments([say(content.wording.tierAction[1])], 'normal', content.spokenNumbers);
      expect(() => checkSsml(ssml)).not.toThrow();
      const aliases = [...ssml.matchAll(/<sub alias="([^"]+)">(\d+)<\/sub>/g)];
      expect(aliases.length).toBeGreaterThan(0);
      for (const [, alias, digits] of aliases) expect(content.spokenNumbers[digits ?? '']).toBe(alias);
    },
  );
});
