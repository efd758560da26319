/** Every voice command at the menu, mid-routine and after a pause, through the real handler. */

import { catalogue } from '../../lambda/content';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import { type Exchange, newDevice, runDialogue } from '../support/dialogue';

const intoRoutine: Exchange[] = [
  { say: 'open partner massage' },
  { say: 'start lower back relief', notHears: /Step 1 of 6/ },
  { say: 'ready', hears: /Step 1 of 6/ },
  { say: '/wait 60' },
];

describe('at the menu', () => {
  const cases: [string, string, RegExp][] = [
    ['what routines are there', 'ListRoutinesIntent', /foot massage/],
    ['more pressure', 'MorePressureIntent', /medium pressure/],
    ['less pressure', 'LessPressureIntent', /lightest/],
    ['slow down', 'SlowerIntent', /Slowing down/],
    ['speed up', 'FasterIntent', /Speeding up/],
    ['how much longer', 'StatusIntent', /no routine going/],
    ['what step are we on', 'StatusIntent', /no routine going/],
    ['wait for me after each step', 'StepByStepIntent', /wait for you after each step/],
    ['next', 'AMAZON.NextIntent', /no routine going/],
    ['go back', 'AMAZON.PreviousIntent', /no routine going/],
    ['repeat that', 'AMAZON.RepeatIntent', /no routine going/],
    ['start over', 'AMAZON.StartOverIntent', /no routine going/],
    ['resume', 'AMAZON.ResumeIntent', /nothing paused/],
    ['help', 'AMAZON.HelpIntent', /Say a routine name/],
  ];
  it.each(cases)('"%s" (%s) answers and keeps listening', async (say, intent, hears) => {
    await runDialogue([{ say: 'open partner massage' }, { say, intent, hears, listening: true }]);
  });

  it.each([['stop'], ['cancel'], ['pause']])('"%s" says goodbye and ends the session', async (say) => {
    await runDialogue([{ say: 'open partner massage' }, { say, hears: /Goodbye/, ends: true }]);
  });

  it('an unknown routine name gets the list and keeps listening', async () => {
    await runDialogue([
      { say: 'open partner massage' },
      {
        say: 'start the tummy tickle',
        intent: 'StartRoutineIntent',
        hears: [/don't have a routine called/, /foot massage/],
        listening: true,
      },
    ]);
  });

  it('gibberish goes to the fallback with a useful reprompt', async () => {
    await runDialogue([
      { say: 'open partner massage' },
      { say: 'purple elephants dancing', intent: 'AMAZON.FallbackIntent', hears: /didn't get that/, listening: true },
    ]);
  });

  it('later launches are shorter and say no disclaimer', async () => {
    const store = new MemoryUserStore();
    await runDialogue([{ say: 'open partner massage', hears: /not medical advice/ }, { say: 'stop' }], { store });
    await runDialogue([{ say: 'open partner massage', hears: /Welcome back/, notHears: /not medical advice/ }], {
      store,
    });
  });
});

describe('mid-routine', () => {
  const cases: [string, RegExp, boolean][] = [
    ['next', /^\s*Step 2 of 6/, true],
    ['go back', /first step/, true],
    ['repeat that', /Once more\. Step 1 of 6/, true],
    ['start over', /From the top\. Step 1 of 6/, true],
    ['how much longer', /minutes to go/, true],
    ['what step are we on', /step 1 of 6 of lower back relief/, true],
    ['more pressure', /medium pressure from here/, true],
    ['less pressure', /lightest/, true],
    ['slow down', /Slowing down/, true],
    ['speed up', /Speeding up/, true],
    ['speak more slowly', /speak a little slower/, true],
    ['wait for me after each step', /say next for step 2/, true],
    ['keep going on your own', /keep going on my own/, true],
    ['help', /Shall I carry on with step 1/, true],
    ['pause', /Paused at step 1 of lower back relief/, false],
    ['stop', /saved your place in lower back relief at step 1/, false],
    ['cancel', /saved your place/, false],
    ['go home', /back to the start/, true],
    ['is this safe', /For lower back relief/, true],
  ];
  it.each(cases)('"%s" acts on the step that was playing', async (say, hears, listening) => {
    await runDialogue([...intoRoutine, { say, hears, listening }]);
  });

  it('"yes" after a part goes on with the next step offered', async () => {
    const start = [{ say: 'open partner massage' }, { say: 'start foot massage' }, { say: 'ready' }];
    const turns = await runDialogue(start);
    const offered = /Ready for step (\d+)/.exec(turns[2]?.text ?? '')?.[1];
    expect(offered).toBeDefined();
    await runDialogue([...start, { say: 'yes', hears: new RegExp(`^\\s*Step ${offered} of`) }]);
  });

  it('"no" to going on pauses and saves the place', async () => {
    await runDialogue([...intoRoutine, { say: 'no', hears: /Paused at step/, ends: true }]);
  });

  it('gibberish mid-routine stops and asks; the next step waits for carry on', async () => {
    await runDialogue([
      ...intoRoutine,
      { say: 'purple elephants', hears: /didn't catch that, so I've stopped/, notHears: /Step \d of/, listening: true },
      { say: 'purple elephants', hears: /worried about her or the baby/, notHears: /Step \d of/, listening: true },
      { say: 'okay', notHears: /Step \d of/, listening: true },
      { say: 'carry on', hears: /^\s*Step 1 of 6/ },
    ]);
  });

  it('a pressure change is spoken in the new wording when asked to say it again', async () => {
    // Prepare
    const warmingStrokes = catalogue.get('lowerBack')?.steps[0];
    if (warmingStrokes === undefined) throw new Error('lower back relief has no steps');
    const { gentle, medium } = warmingStrokes.instruction;
    expect(medium).not.toEqual(gentle);

    // Act
    const turns = await runDialogue([
      ...intoRoutine,
      { say: 'more pressure', hears: /medium pressure from here/ },
      { say: 'say that again', hears: /Step 1 of 6/ },
    ]);

    // Assess
    const first = turns[2]?.text;
    const again = turns[turns.length - 1]?.text;
    expect(first).toContain(gentle);
    expect(again).toContain(medium);
    expect(again).not.toContain(gentle);
  });
});

describe('paused', () => {
  it('pause, then days later launch offers the same step and resumes it', async () => {
    const store = new MemoryUserStore();
    await runDialogue(
      [
        { say: 'open partner massage' },
        { say: 'start lower back relief' },
        { say: 'ready' },
        { say: 'next' },
        { say: 'pause', hears: /step 2/, ends: true },
      ],
      { store },
    );
    await runDialogue(
      [
        { say: 'open partner massage', hears: /paused lower back relief at step 2/, listening: true },
        { say: 'yes', hears: /picking up where you left off, at step 2/, notHears: /Step 2 of 6/ },
        { say: 'ready', hears: /^\s*Step 2 of 6/ },
      ],
      { store },
    );
  });

  it('"ask partner massage to resume" picks up in one go', async () => {
    const store = new MemoryUserStore();
    await runDialogue(
      [{ say: 'ask partner massage to start foot massage' }, { say: 'ready' }, { say: 'next' }, { say: 'pause' }],
      { store },
    );
    await runDialogue(
      [
        { say: 'ask partner massage to resume', hears: /picking up where you left off, at step 2/ },
        { say: "we're ready", hears: /^\s*Step 2 of 7/ },
      ],
      { store },
    );
  });

  it.each([
    ['help', /paused/],
    ['how much longer', /paused foot massage/],
    ['no', /All right/],
    ['start over', /Foot massage\. .*say ready/],
  ])('"%s" after launch with a paused routine', async (say, hears) => {
    const store = new MemoryUserStore();
    await runDialogue([{ say: 'ask partner massage to start foot massage' }, { say: 'pause' }], { store });
    await runDialogue([{ say: 'open partner massage' }, { say, hears }], { store });
  });

  it('walking away mid-routine saves the place for next time', async () => {
    const store = new MemoryUserStore();
    await runDialogue([{ say: 'ask partner massage to start hand massage' }, { say: '/wait 600' }], { store });
    await runDialogue([{ say: 'open partner massage', hears: /You paused hand massage at step \d/ }], { store });
  });
});

describe('practice history', () => {
  it('launch mentions practice briefly and truthfully', async () => {
    const store = new MemoryUserStore();
    const device = newDevice({ store });
    const finish = async () => {
      await device.say('ask partner massage to start hand massage');
      for (let i = 0; i < 12 && device.sessionOpen; i += 1) await device.say('next');
    };
    await runDialogue([{ say: 'open partner massage', notHears: /practi[cs]ed/ }, { say: 'stop' }], { device });
    await finish();
    await device.wait(86_400);
    await runDialogue(
      [{ say: 'open partner massage', hears: /would be your second day of practice this week/ }, { say: 'stop' }],
      { device },
    );
    await finish();
    await device.wait(86_400);
    await runDialogue(
      [{ say: 'open partner massage', hears: /practiced two days in a row\. This \w+ would be your third day/ }],
      { device },
    );
  });
});
