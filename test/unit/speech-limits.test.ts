import { ROUTINES } from '../../lambda/content';
import type { Decision } from '../../lambda/core/coach';
import { FLOWS, PACES, PRESSURE_LEVELS, type Preferences, SPEECH_RATES } from '../../lambda/core/preferences';
import { escapeSsml, renderPlan, renderSegments, renderSilence } from '../../lambda/speech/ssml';
import { checkSsml } from '../support/speech-checks';
import { CoreWalker } from '../support/walk';

const combinations: Preferences[] = PRESSURE_LEVELS.flatMap((pressure) =>
  PACES.flatMap((pace) =>
    SPEECH_RATES.flatMap((speechRate) =>
      FLOWS.map((flow) => ({ pressure, pace, speechRate, flow, handsFree: 'off' as const })),
    ),
  ),
);

function checkTurn(result: Decision, rate: Preferences['speechRate']) {
  const rendered = renderPlan(result.plan, rate);
  const facts = checkSsml(rendered.ssml);
  if (rendered.repromptSsml) checkSsml(rendered.repromptSsml);
  if (result.plan.listen) expect(rendered.repromptSsml).toBeDefined();
  return facts;
}

describe.each(ROUTINES.map((routine) => [routine.id, routine] as const))('every response of %s', (_id, routine) => {
  it.each(
    combinations.map((prefs) => [`${prefs.pressure}/${prefs.pace}/${prefs.speechRate}/${prefs.flow}`, prefs] as const),
  )('is valid SSML within the limits when walked whole at %s', (_label, prefs) => {
    const walker = new CoreWalker(prefs);
    const turns = walker.walk(routine.id);
    expect(walker.state.mode).toBe('menu');
    expect(turns[turns.length - 1]?.plan.endSession).toBe(true);
    const stepsHeard = new Set<number>();
    for (const turn of turns) {
      checkTurn(turn, prefs.speechRate);
      for (const segment of turn.plan.segments) if (segment.step !== undefined) stepsHeard.add(segment.step);
    }
    expect(stepsHeard.size).toBe(routine.steps.length);
  });

  it('stays within the limits for next, repeat, status and pressure from every step', () => {
    for (const prefs of combinations) {
      const walker = new CoreWalker(prefs);
      walker.send({ type: 'start', routineId: routine.id });
      for (let step = 0; step < routine.steps.length; step += 1) {
        for (const event of [
          { type: 'status' },
          { type: 'pressure', direction: 'more' },
          { type: 'repeat' },
        ] as const) {
          checkTurn(walker.send(event, 3), prefs.speechRate);
        }
        checkTurn(walker.send({ type: 'next' }, 1), prefs.speechRate);
      }
    }
  });
});

describe('SSML rendering', () => {
  it('escapes text that reaches SSML', () => {
    const ssml = renderSegments(
      [{ kind: 'speech', role: 'answer', text: `Tom & Jerry's <b>"bold"</b>`, seconds: 1 }],
      'normal',
    );
    expect(ssml).toBe('<speak>Tom &amp; Jerry&apos;s &lt;b&gt;&quot;bold&quot;&lt;/b&gt;</speak>');
    expect(() => checkSsml(ssml)).not.toThrow();
    expect(escapeSsml('a < b')).toBe('a &lt; b');
  });

  it('chains breaks of at most 10 s for a long silence', () => {
    expect(renderSilence(25)).toBe('<break time="10s"/><break time="10s"/><break time="5s"/>');
    expect(renderSilence(3.25)).toBe('<break time="3250ms"/>');
  });

  it('wraps slower speech in prosody', () => {
    expect(renderSegments([{ kind: 'speech', role: 'answer', text: 'hi', seconds: 1 }], 'slower')).toBe(
      '<speak><prosody rate="85%">hi</prosody></speak>',
    );
  });

  it('refuses a plan longer than 240 s', () => {
    const plan = { segments: [{ kind: 'silence' as const, seconds: 241 }], listen: false, endSession: true };
    expect(() => renderPlan(plan, 'normal')).toThrow(/240/);
  });
});
