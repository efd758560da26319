/**
 * Edges found by mutation testing: a step split across answers never skips a cue, a silence is
 * never cut longer than itself, and a late practice entry from an earlier week keeps this week.
 */
import { lines } from '../../lambda/content';
import type { Routine } from '../../lambda/core/catalogue';
import { packSteps, type Segment, stepTimeline } from '../../lambda/core/pacing';
import { DEFAULT_PREFERENCES } from '../../lambda/core/preferences';
import { applyUpdate, newProfile } from '../../lambda/core/profile';

function routineWith(holdSeconds: number, cues: readonly string[]): Routine {
  return {
    id: 'foot',
    name: 'foot massage',
    synonyms: [],
    summary: 'test',
    position: 'Sitting.',
    cautions: [],
    pointsToAvoid: [],
    closing: 'Done.',
    steps: [
      {
        id: 'foot.long',
        title: 'a long step',
        area: 'sole',
        instruction: { gentle: 'Stroke slowly.', medium: 'Stroke slowly.', firm: 'Stroke slowly.' },
        holdSeconds,
        cues: cues.map((text) => ({ kind: 'cue' as const, text })),
        morePressureTip: 'More.',
        lessPressureTip: 'Less.',
      },
    ],
  };
}

function spokenTexts(segments: readonly Segment[]): string[] {
  return segments.flatMap((segment) => (segment.kind === 'speech' ? [segment.text] : []));
}

describe('a step split across answers', () => {
  const paces = [
    ['slower', { ...DEFAULT_PREFERENCES, pace: 'slower' as const }],
    ['normal', DEFAULT_PREFERENCES],
    ['quicker', { ...DEFAULT_PREFERENCES, pace: 'quicker' as const }],
  ] as const;
  const holds = Array.from({ length: 60 }, (_unused, index) => 250 + index * 7);

  it.each(paces)('says every cue exactly once at %s pace, for holds of 250 to 663 s', (_label, prefs) => {
    const cues = ['Keep going.', 'Slow and even.', 'Ask how it feels.'];
    for (const hold of holds) {
      const routine = routineWith(hold, cues);
      const heard: string[] = [];
      let from = { stepIndex: 0, offset: 0 };
      for (let part = 0; part < 10 && from.stepIndex === 0; part += 1) {
        const packed = packSteps(routine, from, [], prefs, lines);
        heard.push(...spokenTexts(packed.segments));
        from = packed.next;
      }
      const whole = spokenTexts(stepTimeline(routine, 0, prefs, lines));
      expect({ hold, heard }).toEqual({ hold, heard: whole });
    }
  });

  it('never cuts a silence longer than it is, when the character budget is what stops an answer', () => {
    // Long hyphenated cues are one word each: quick to say, heavy in characters, so the character
    // budget binds while there is still time left in the answer.
    for (let length = 300; length <= 460; length += 4) {
      const cue = Array.from({ length: length / 2 }, () => 'a').join('-');
      const routine = routineWith(
        400,
        Array.from({ length: 24 }, () => cue),
      );
      const whole = stepTimeline(routine, 0, DEFAULT_PREFERENCES, lines);
      const longest = Math.max(...whole.map((segment) => (segment.kind === 'silence' ? segment.seconds : 0)));
      const packed = packSteps(routine, { stepIndex: 0, offset: 0 }, [], DEFAULT_PREFERENCES, lines);
      const silences = packed.segments.flatMap((segment) => (segment.kind === 'silence' ? [segment.seconds] : []));
      expect({ length, longest: Math.max(...silences) <= longest + 0.05 }).toEqual({ length, longest: true });
    }
  });
});

describe('practice entries arriving late', () => {
  it('an entry from last week, applied after one from this week, counts but keeps this week', () => {
    const tuesday = Date.parse('2026-11-24T20:00:00Z');
    const lastSaturday = Date.parse('2026-11-21T20:00:00Z');
    const thisWeek = applyUpdate(newProfile(), {
      id: 'a',
      practice: [{ routineId: 'foot', at: tuesday, minutes: 10 }],
    });
    const late = applyUpdate(thisWeek, { id: 'b', practice: [{ routineId: 'hand', at: lastSaturday, minutes: 7 }] });
    expect(late.history).toMatchObject({
      sessionsFinished: 2,
      weekOf: '2026-11-23',
      daysThisWeek: ['2026-11-24'],
      minutesThisWeek: 10,
      lastPracticeDay: '2026-11-24',
    });
  });
});
