/** The card's datasource: the words a locale shows, formatted from the view as the speech is. */
import { contentFor } from '../../lambda/content';
import type { RoutineView, WarningView } from '../../lambda/core/screen';
import type { ScreenWords } from '../../lambda/core/wording';
import {
  cardData,
  jsonBytes,
  pageSchedule,
  parseScreenEvent,
  progressAt,
  SCREEN_COMMANDS,
  SCREEN_EVENTS,
  screenDirective,
  startEvent,
} from '../../lambda/screen';

const words = contentFor('en-GB').wording.screen;

const routine: RoutineView = {
  kind: 'routine',
  routineId: 'lowerBack',
  routineName: 'lower back relief',
  stepCount: 6,
  pressure: 'medium',
  pages: [
    {
      stepNumber: 2,
      title: 'circles beside the spine',
      shown: 'Make circles.',
      area: 'lowerBack',
      secondsLeft: 360,
      atSeconds: 0,
    },
    {
      stepNumber: 3,
      title: 'sweeping out to the hips',
      shown: 'Sweep out.',
      area: 'hips',
      secondsLeft: 300,
      atSeconds: 42.5,
    },
  ],
};

function warning(tier: 1 | 2 | 3): WarningView {
  return { kind: 'warning', tier, action: 'Stop the massage now.', detail: 'You said she has a headache.' };
}

describe('the card data', () => {
  it('shows the routine name, the pressure and, per page, step N of M, time left, progress and the area', () => {
    const data = cardData(routine, words);
    expect(data).toMatchObject({
      kind: 'routine',
      heading: 'Lower back relief',
      pressure: 'Pressure: medium',
      pageCount: 2,
      schedule: [42500],
      labels: { pause: 'Pause', next: 'Next', back: 'Back', lighter: 'Lighter', hurts: 'It hurts' },
    });
    expect(data.pages).toEqual([
      {
        stepOf: 'Step 2 of 6',
        title: 'Circles beside the spine',
        shown: 'Make circles.',
        area: 'lowerBack',
        bodyView: 'back',
        areaLabel: 'Lower back',
        progress: 17,
        timeLeft: words.timeLeft(360),
      },
      expect.objectContaining({
        stepOf: 'Step 3 of 6',
        progress: 33,
        areaLabel: 'Hips',
        timeLeft: words.timeLeft(300),
      }),
    ]);
    expect(words.timeLeft(360)).toMatch(/6 minutes left/);
  });

  it('counts progress from 0 at the first step to the share done before the last', () => {
    expect([progressAt(1, 6), progressAt(4, 8), progressAt(6, 6), progressAt(9, 6), progressAt(1, 0)]).toEqual([
      0, 38, 83, 100, 0,
    ]);
  });

  it('waits between pages as long as the speech takes from one step to the next, never less than nothing', () => {
    const page = routine.pages[0];
    if (!page) throw new Error('no page');
    expect(
      pageSchedule([page, { ...page, atSeconds: 12.34 }, { ...page, atSeconds: 40 }, { ...page, atSeconds: 39 }]),
    ).toEqual([12340, 27660, 0]);
    expect(pageSchedule([page])).toEqual([]);
  });

  it('shows the emergency number big only for tier 1', () => {
    expect(cardData(warning(1), words)).toMatchObject({
      hasNumber: true,
      number: '999',
      action: 'Stop the massage now.',
    });
    expect(cardData(warning(2), words)).toMatchObject({ hasNumber: false, number: '' });
    expect(cardData(warning(3), words)).toMatchObject({ hasNumber: false, number: '' });
    expect(cardData(warning(1), contentFor('en-AU').wording.screen)).toMatchObject({ number: '000 · NZ 111' });
  });

  it('shows no number when the locale knows none', () => {
    const unknown: ScreenWords = { ...words, emergencyNumber: '' };
    expect(cardData(warning(1), unknown)).toMatchObject({ hasNumber: false, number: '' });
  });

  it('puts a paused routine first on the menu, to resume, with where it stopped', () => {
    const routines = [{ id: 'foot', name: 'foot massage', summary: 'Feet.' }] as const;
    expect(
      cardData(
        { kind: 'menu', routines, paused: { routineId: 'foot', routineName: 'foot massage', stepNumber: 3 } },
        words,
      ),
    ).toMatchObject({
      heading: 'Choose a routine',
      hasResume: true,
      resume: { label: 'Resume: Foot massage', detail: 'Paused at step 3' },
      routines: [{ id: 'foot', name: 'Foot massage', summary: 'Feet.' }],
    });
    expect(cardData({ kind: 'menu', routines }, words)).not.toHaveProperty('resume');
  });

  it('shows a halted step with what to do now, and a paused one with where it stopped', () => {
    const place = {
      routineId: 'hand',
      routineName: 'hand massage',
      stepNumber: 2,
      stepCount: 6,
      title: 'circles in the palm',
      area: 'palm',
    } as const;
    expect(cardData({ kind: 'halted', cause: 'discomfort', ...place, action: 'Ease off.' }, words)).toMatchObject({
      heading: 'Hand massage',
      stepOf: 'Step 2 of 6',
      title: 'Circles in the palm',
      action: 'Ease off.',
      bodyView: 'hands',
      areaLabel: 'Palm',
      labels: { carryOn: 'Carry on', next: 'Next', stop: 'Stop' },
    });
    expect(cardData({ kind: 'paused', ...place }, words)).toMatchObject({
      pausedAt: 'Paused at step 2',
      labels: { resume: 'Resume' },
    });
  });

  it('measures a directive as the bytes of its JSON', () => {
    const directive = screenDirective({ kind: 'labour', line: 'Press — firmly.' }, words);
    expect(jsonBytes(directive)).toBe(Buffer.byteLength(JSON.stringify(directive)));
    expect(jsonBytes({ a: '—' })).toBe(11);
  });
});

describe('the button vocabulary', () => {
  it('reads back every event a button sends, and nothing else', () => {
    for (const command of SCREEN_COMMANDS) expect(parseScreenEvent(SCREEN_EVENTS[command])).toEqual([command]);
    expect(parseScreenEvent(startEvent('foot'))).toEqual(['start', 'foot']);
    for (const bad of [['start'], ['start', 'yoga'], ['pause', 'now'], ['dance'], 'pause', [], null]) {
      expect(parseScreenEvent(bad)).toBeUndefined();
    }
  });
});
