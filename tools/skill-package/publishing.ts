/**
 * What the skill store shows in each market: name, summary, description, example phrases and
 * keywords. Written once in British words like the rest of the content and turned by each locale's
 * word lists, with the locale's care terms where the text says who to call, so every market reads
 * its own spelling ("labor" in the US) and its own care team; keywords are chosen per market,
 * since people search in their own words ("prenatal" in North America, "antenatal" elsewhere).
 */
import { localiseWith } from '../../lambda/content';
import { LOCALE_SPECS, LOCALES, type LocaleId } from '../../lambda/content/locales';

/** The health disclaimer required of health-related skills (alexa-platform.md, certification). */
export const MEDICAL_DISCLAIMER = 'This skill is not medical advice; check with your midwife or doctor.';

/** The spoken name users invoke the skill by; it must match the interaction model's invocationName. */
export const INVOCATION_NAME = 'partner massage';

export interface LocalePublishing {
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly examplePhrases: readonly string[];
  readonly keywords: readonly string[];
}

/**
 * The countries each locale's store serves: Alexa serves Ireland with en-GB and New Zealand with
 * en-AU, and the content speaks to both (en-AU's emergency line names New Zealand's 111 too).
 */
export const DISTRIBUTION: Readonly<Record<LocaleId, readonly string[]>> = {
  'en-US': ['US'],
  'en-GB': ['GB', 'IE'],
  'en-AU': ['AU', 'NZ'],
  'en-CA': ['CA'],
  'en-IN': ['IN'],
};

/** Search keywords per market. */
const KEYWORDS: Readonly<Record<LocaleId, readonly string[]>> = {
  'en-US': ['massage', 'pregnancy', 'partner', 'back pain', 'prenatal', 'relaxation', 'coach', 'wellness', 'labor'],
  'en-GB': ['massage', 'pregnancy', 'partner', 'back pain', 'antenatal', 'relaxation', 'birth partner', 'labour'],
  'en-AU': ['massage', 'pregnancy', 'partner', 'back pain', 'antenatal', 'relaxation', 'birth partner', 'labour'],
  'en-CA': ['massage', 'pregnancy', 'partner', 'back pain', 'prenatal', 'relaxation', 'coach', 'wellness', 'labour'],
  'en-IN': ['massage', 'pregnancy', 'partner', 'back pain', 'pregnancy care', 'relaxation', 'wellness', 'labour'],
};

/** "call 999 now" as the store says it: "call 999". */
function emergencyCall(callEmergency: string): string {
  return callEmergency.replace(/ now\b/, '');
}

/** The British store text with a locale's care terms, before its word lists turn it. */
function britishText(locale: LocaleId): Omit<LocalePublishing, 'keywords'> {
  const { care } = LOCALE_SPECS[locale];
  return {
    name: 'Partner Massage Coach',
    summary: 'A hands-free voice coach that talks a partner step by step through gentle massage for a pregnant person.',
    description: [
      'Partner Massage Coach guides you, the partner, through gentle massage routines for someone who is pregnant, ' +
        'one step at a time, so your hands stay free and your attention stays on them.',
      'Choose a routine such as lower back relief, shoulders and neck, feet, hands, or hips and legs, ' +
        'or practise counter pressure for labour before the day comes. ' +
        'Alexa explains how to sit or lie, what to avoid, and then each step, with quiet time to hold it.',
      'While you massage, say "Alexa, pause", "Alexa, next" or "Alexa, repeat". Ask for more or less pressure, ' +
        'or for a slower or faster pace, and the coaching adapts. Say "Alexa, stop" at any time; ' +
        'if anything hurts or feels wrong, stop and ask for help.',
      'If you mention a warning sign, such as bleeding or her waters breaking, Alexa tells you to stop the massage ' +
        `and what to do: call ${care.urgentCare}, or in an emergency, ${emergencyCall(care.callEmergency)}.`,
      'The skill remembers preferences such as pressure and pace, and where you left off. ' +
        'It does not ask for or store any health information.',
      MEDICAL_DISCLAIMER,
    ].join('\n\n'),
    examplePhrases: [
      `Alexa, open ${INVOCATION_NAME}`,
      `Alexa, ask ${INVOCATION_NAME} to start lower back relief`,
      `Alexa, ask ${INVOCATION_NAME} to start labour counter pressure practice`,
    ],
  };
}

/** A locale's store text: the British text turned by its word lists, and its market's keywords. */
export function publishingFor(locale: LocaleId): LocalePublishing {
  const turn = localiseWith(LOCALE_SPECS[locale].words);
  const text = britishText(locale);
  return {
    name: turn(text.name),
    summary: turn(text.summary),
    description: turn(text.description),
    examplePhrases: text.examplePhrases.map(turn),
    keywords: KEYWORDS[locale],
  };
}

/** Store text for every locale the skill has. */
export const PUBLISHING: Readonly<Record<LocaleId, LocalePublishing>> = Object.fromEntries(
  LOCALES.map((locale) => [locale, publishingFor(locale)]),
) as Record<LocaleId, LocalePublishing>;
