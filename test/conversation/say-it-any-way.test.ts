/**
 * The ways people actually say things, through the interaction-model resolver and the real
 * handler: loose routine names, "X please", steps by number, and short waits that keep the place.
 */
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import { type Exchange, runDialogue } from '../support/dialogue';

const open: Exchange = { say: 'open partner massage' };

/** Opens the skill, starts lower back relief and says ready: step 1 is playing. */
const intoLowerBack: Exchange[] = [open, { say: 'start lower back relief' }, { say: 'ready', hears: /Step 1 of 6/ }];

describe('routine names the way people say them', () => {
  it.each([
    ['do her back', /Lower back relief\./],
    ['neck', /Shoulders and neck\./],
    ['foot', /Foot massage\./],
    ['feet please', /Foot massage\./],
    ['massage her shoulders', /Shoulders and neck\./],
    ['switch to hand massage', /Hand massage\./],
    ['the back one', /Lower back relief\./],
    ["let's do her hips", /Hips and legs\./],
    ['the feet one', /Foot massage\./],
    ['do her legs please', /Hips and legs\./],
  ])('"%s" at the menu starts the routine it names', async (say, opening) => {
    await runDialogue([open, { say, intent: 'StartRoutineIntent', hears: opening, listening: true }]);
  });

  it('a name that fits two routines names both and asks which', async () => {
    await runDialogue([
      open,
      {
        say: 'do her legs and feet',
        intent: 'StartRoutineIntent',
        hears: [/Two routines fit that: foot massage or hips and legs\./, /Which routine would you like\?/],
        notHears: /don't have a routine/,
        listening: true,
      },
      { say: 'feet please', hears: /Foot massage\./ },
    ]);
  });

  it('switching routine mid-step saves the first one’s place before the other starts', async () => {
    const store = new MemoryUserStore();
    const userId = 'amzn1.ask.account.SWITCHER';
    await runDialogue([...intoLowerBack, { say: 'switch to hand massage', hears: /Hand massage\./ }], {
      store,
      userId,
    });
    const stored = await store.load(userId);
    expect(stored?.profile.paused).toMatchObject({ routineId: 'lowerBack', stepIndex: 0 });
  });

  it('an unknown name mid-routine does not move on a step when the next word is yes', async () => {
    await runDialogue([
      ...intoLowerBack,
      {
        say: 'do her elbows',
        hears: [/don't have a routine called elbows/, /Shall I carry on with step 1\?/],
        listening: true,
      },
      { say: 'yes', hears: /^Step 1 of 6/ },
    ]);
  });
});

describe('commands with please', () => {
  it.each([
    ['next please', 'AMAZON.NextIntent', /Step 2 of 6/],
    ['slower please', 'SlowerIntent', /Slowing down/],
    ['more pressure please', 'MorePressureIntent', /pressure/],
    ['repeat that please', 'AMAZON.RepeatIntent', /Once more/],
    ['how much longer please', 'StatusIntent', /to go/],
  ])('"%s" is %s, never a routine name', async (say, intent, hears) => {
    await runDialogue([...intoLowerBack, { say, intent, hears, notHears: /don't have a routine/ }]);
  });

  it('"next please" then "yes" moves on exactly one step', async () => {
    await runDialogue([
      ...intoLowerBack,
      { say: 'next please', hears: /Step 2 of 6/ },
      { say: '/wait 5' },
      { say: 'pause please', intent: 'AMAZON.PauseIntent', hears: /Paused at step 2 of lower back relief/, ends: true },
    ]);
  });
});

describe('steps by number', () => {
  it.each([
    ['go to step three', /^Step 3 of 6/],
    ['skip to step five', /^Step 5 of 6/],
    ['back to step one', /^Step 1 of 6/],
    ['go to step 4', /^Step 4 of 6/],
    ['step two please', /^Step 2 of 6/],
  ])('"%s" mid-routine plays that step', async (say, hears) => {
    await runDialogue([...intoLowerBack, { say: '/wait 30' }, { say, intent: 'GoToStepIntent', hears }]);
  });

  it('a step the routine lacks is answered, and the routine waits on its step', async () => {
    await runDialogue([
      ...intoLowerBack,
      {
        say: 'go to step nine',
        hears: [/Lower back relief has 6 steps, so there's no step 9\./, /Shall I carry on with step 1\?/],
        listening: true,
      },
      { say: 'yes', hears: /^Step 1 of 6/ },
    ]);
  });

  it('after a pause, "go to step four" picks the routine up at step 4 once she is ready', async () => {
    const store = new MemoryUserStore();
    await runDialogue([...intoLowerBack, { say: 'pause', ends: true }], { store });
    await runDialogue(
      [
        open,
        { say: 'go to step four', hears: /Lower back relief, from step 4\./, notHears: /Step 4 of 6/, listening: true },
        { say: 'ready', hears: /^Step 4 of 6/ },
      ],
      { store },
    );
  });

  it('the step number reaches the skill as a device sends AMAZON.NUMBER: the digits, no entity resolution', async () => {
    const turns = await runDialogue([...intoLowerBack, { say: 'go to step three' }]);
    const request = turns[turns.length - 1]?.request?.request;
    const slot = request?.type === 'IntentRequest' ? request.intent.slots?.step : undefined;
    expect(slot).toMatchObject({ name: 'step', value: '3' });
    expect(slot?.resolutions).toBeUndefined();
  });

  it('with nothing paused there is no step to go to', async () => {
    await runDialogue([open, { say: 'go to step two', hears: /no routine going/, listening: true }]);
  });
});

describe('short waits', () => {
  it.each([
    ['hold on', /I'll wait half a minute\./],
    ['wait', /I'll wait half a minute\./],
    ['not yet', /I'll wait half a minute\./],
    ['give me a minute', /I'll wait a minute\./],
    ['give me two minutes', /I'll wait two minutes\./],
    ['hang on a moment', /I'll wait half a minute\./],
  ])('"%s" keeps the session, stays quiet, then asks to carry on', async (say, hears) => {
    const [turn] = (
      await runDialogue([...intoLowerBack, { say, intent: 'WaitIntent', hears, listening: true, ends: false }])
    ).slice(-1);
    expect(turn?.text).toMatch(/Shall I carry on with step 1\?$/);
  });

  it('the quiet lasts as long as asked, and yes carries on with the same step from its start', async () => {
    const turns = await runDialogue([
      ...intoLowerBack,
      { say: 'give me two minutes', hears: /\[pause 120 s\]/ },
      { say: '/wait 124' },
      { say: 'yes', hears: /^Step 1 of 6/ },
    ]);
    expect(turns.some((turn) => turn.sessionEnded)).toBe(false);
  });

  it('silence after the question ends the session with the place saved', async () => {
    const store = new MemoryUserStore();
    await runDialogue([...intoLowerBack, { say: 'hold on' }, { say: '/wait 90' }], { store });
    await runDialogue([{ say: 'open partner massage', hears: /You paused lower back relief at step 1/ }], { store });
  });

  it('"not yet" at the opening waits, then asks again', async () => {
    await runDialogue([
      open,
      { say: 'start foot massage' },
      { say: 'not yet', hears: [/I'll wait half a minute/, /Shall I carry on with step 1\?/], listening: true },
      { say: 'yes', hears: /^Step 1 of 7/ },
    ]);
  });

  it('a wait longer than one answer can hold keeps the place and says how to come back', async () => {
    await runDialogue([
      ...intoLowerBack,
      {
        say: 'give me ten minutes',
        hears: [
          /Take all the time you need\./,
          /Paused at step 1 of lower back relief/,
          /ask partner massage to resume/,
        ],
        ends: true,
      },
    ]);
  });

  it('at the menu, a wait asks which routine afterwards', async () => {
    await runDialogue([
      open,
      { say: 'hold on', hears: [/I'll wait half a minute\./, /Ready when you are\. Which routine would you like\?/] },
      { say: 'foot please', hears: /Foot massage\./ },
    ]);
  });

  it('at the menu with a paused routine, a wait offers it again', async () => {
    const store = new MemoryUserStore();
    await runDialogue([...intoLowerBack, { say: 'pause' }], { store });
    await runDialogue(
      [
        { say: 'open partner massage', hears: /Shall I pick up there\?/ },
        { say: 'give me a minute', hears: [/I'll wait a minute\./, /You paused lower back relief at step 1/] },
        { say: 'yes', hears: /picking up where you left off/ },
      ],
      { store },
    );
  });

  it('only stop and pause end the session', async () => {
    await runDialogue([...intoLowerBack, { say: 'hold on', ends: false }, { say: 'stop', ends: true }]);
    await runDialogue([...intoLowerBack, { say: 'wait', ends: false }, { say: 'pause', ends: true }]);
  });
});
