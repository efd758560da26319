/**
 * Every locale's words within the platform limits: every routine walked whole at every preference,
 * and the first-use opening, rendered with the locale's spoken numbers. The words differ by locale
 * (en-AU's emergency call is the longest), so each is walked, not only the default.
 */
import { contentFor } from '../../lambda/content';
import { LOCALES } from '../../lambda/content/locales';
import type { Decision } from '../../lambda/core/coach';
import { FLOWS, PACES, PRESSURE_LEVELS, type Preferences, SPEECH_RATES } from '../../lambda/core/preferences';
import { newProfile } from '../../lambda/core/profile';
import { renderPlan } from '../../lambda/speech/ssml';
import { checkSsml } from '../support/speech-checks';
import { CoreWalker } from '../support/walk';

const combinations: Preferences[] = PRESSURE_LEVELS.flatMap((pressure) =>
  PACES.flatMap((pace) =>
    SPEECH_RATES.flatMap((speechRate) =>
      FLOWS.map((flow) => ({ pressure, pace, speechRate, flow, handsFree: 'off' as const })),
    ),
  ),
);

describe.each(LOCALES.map((locale) => [locale]))('%s', (locale) => {
  const content = contentFor(locale);

  function checkTurn(result: Decision, rate: Preferences['speechRate']): void {
    const rendered = renderPlan(result.plan, rate, content.spokenNumbers);
    checkSsml(rendered.ssml);
    if (rendered.repromptSsml) checkSsml(rendered.repromptSsml);
    if (result.plan.listen) expect(rendered.repromptSsml).toBeDefined();
  }

  it.each(content.catalogue.routines.map((routine) => [routine.id, routine] as const))(
    '%s is valid SSML within the limits walked whole at every preference',
    (_id, routine) => {
      for (const prefs of combinations) {
        const walker = new CoreWalker(prefs, content);
        const turns = walker.walk(routine.id);
        expect(walker.state.mode).toBe('menu');
        for (const turn of turns) checkTurn(turn, prefs.speechRate);
      }
    },
  );

  it('the first-use opening, with the disclaimer and when to check first, stays within the limits', () => {
    for (const routine of content.catalogue.routines) {
      for (const speechRate of SPEECH_RATES) {
        const walker = new CoreWalker({ speechRate }, content);
        walker.profile = { ...newProfile(), preferences: { ...walker.profile.preferences } };
        const opening = walker.send({ type: 'start', routineId: routine.id });
        expect(opening.plan.segments.some((s) => s.kind === 'speech' && s.text === content.wording.disclaimer)).toBe(
          true,
        );
        checkTurn(opening, speechRate);
      }
    }
  });
});
