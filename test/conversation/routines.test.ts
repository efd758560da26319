/**
 * Every routine, started by name and by a synonym, walked from launch to its closing by voice. The
 * first closing a user hears offers a practice reminder; these walks say no to it.
 */

import { lines, ROUTINES } from '../../lambda/content';
import { checkTurn, newDevice, runDialogue } from '../support/dialogue';

describe.each(ROUTINES.map((routine) => [routine.name, routine] as const))('%s', (_name, routine) => {
  it('walks from launch to the closing with "yes" after each part', async () => {
    const device = newDevice();
    const opening = await runDialogue(
      [
        { say: 'open partner massage', hears: /not medical advice/, listening: true },
        {
          say: `start ${routine.name}`,
          intent: 'StartRoutineIntent',
          hears: new RegExp(lines.whenReady),
          notHears: /Step 1 of/,
          listening: true,
        },
      ],
      { device },
    );
    expect(opening).toHaveLength(2);
    const heard = new Set<number>();
    let finished = false;
    for (let i = 0; i < 20 && !finished; i += 1) {
      const turn = await device.say('yes');
      checkTurn(turn);
      const steps = [...turn.text.matchAll(/Step (\d+) of/g)].map((match) => Number(match[1]));
      for (const step of steps) heard.add(step);
      // Every answer that speaks steps keeps the mic open, so "Alexa, it hurts" reaches the skill.
      if (steps.length > 0) expect(turn.listening).toBe(true);
      if (turn.text.includes(routine.closing)) {
        expect(steps).toEqual([]);
        expect(turn.text).toMatch(/Would you like a reminder every day at/);
        expect(turn.listening).toBe(true);
        const no = await device.say('no thanks');
        checkTurn(no);
        expect(no.text).toMatch(/no reminder/);
        finished = no.sessionEnded;
      }
    }
    expect(finished).toBe(true);
    expect(heard.size).toBe(routine.steps.length);
  });

  it('walks every step with "next", and is started by a synonym', async () => {
    const synonym = routine.synonyms[0] ?? routine.name;
    const device = newDevice();
    await runDialogue(
      [
        { say: `ask partner massage to start ${synonym}`, notHears: /Step 1 of/ },
        { say: 'ready', intent: 'ReadyIntent', hears: [new RegExp(`^\\s*Step 1 of ${routine.steps.length}`)] },
      ],
      { device },
    );
    let expected = 2;
    let last = '';
    const heard = new Set<number>([1]);
    for (let i = 0; i < 12 && device.sessionOpen && !last.includes(routine.closing); i += 1) {
      const turn = await device.say('next');
      checkTurn(turn);
      if (expected <= routine.steps.length) {
        // The first step spoken is the next one (a move to another body area may come before it).
        expect(/Step (\d+) of (\d+)/.exec(turn.text)?.slice(1)).toEqual([`${expected}`, `${routine.steps.length}`]);
      }
      for (const match of turn.text.matchAll(/Step (\d+) of/g)) heard.add(Number(match[1]));
      last = turn.text;
      expected += 1;
    }
    expect(heard.size).toBe(routine.steps.length);
    expect(last).toContain(routine.closing);
    expect(last).toMatch(/Would you like a reminder/);
    const no = await device.say('no');
    expect(no.sessionEnded).toBe(true);
    expect(device.sessionOpen).toBe(false);
  });
});
