/** Joined sessions through the real handler: "twenty minutes tonight" and "do another one", by voice. */
import { lines } from '../../lambda/content';
import { checkTurn, newDevice, runDialogue } from '../support/dialogue';

describe('joined sessions', () => {
  it('"twenty minutes tonight" opens one session of several routines, and moves on between them', async () => {
    const device = newDevice();
    const [, opened] = await runDialogue(
      [
        { say: 'open partner massage', listening: true },
        {
          say: 'start twenty minutes tonight',
          intent: 'StartRoutineIntent',
          hears: [/put together about \d+ minutes/, new RegExp(lines.whenReady)],
          notHears: [/Step 1 of/, /That's the end of/],
          listening: true,
        },
      ],
      { device },
    );
    expect(opened?.text).not.toMatch(/ten minutes tonight/i);
    let moves = 0;
    let closed = '';
    for (let i = 0; i < 60 && device.sessionOpen; i += 1) {
      const turn = await device.say('yes');
      checkTurn(turn);
      if (/Time to move on/.test(turn.text)) {
        moves += 1;
        expect(turn.text).toContain(lines.whenReady);
        expect(turn.listening).toBe(true);
      }
      if (/That's the end of/.test(turn.text)) {
        closed = turn.text;
        break;
      }
    }
    expect(moves).toBeGreaterThanOrEqual(1);
    expect(closed).toMatch(/That's the end of/);
  });

  it('"ten minutes tonight" is still the routine', async () => {
    await runDialogue([
      { say: 'open partner massage' },
      { say: 'start ten minutes tonight', hears: /Ten minutes tonight/, notHears: /put together/ },
    ]);
  });

  it('"do another one" after a routine starts a different one with its opening', async () => {
    const device = newDevice();
    await runDialogue([{ say: 'open partner massage' }, { say: 'start foot massage' }], { device });
    for (let i = 0; i < 30 && device.sessionOpen; i += 1) {
      const turn = await device.say('yes');
      checkTurn(turn);
      if (/That's the end of/.test(turn.text)) break;
    }
    // The closing may offer a reminder; decline it, so the session ends as usual.
    if (device.sessionOpen) checkTurn(await device.say('no'));
    await runDialogue(
      [
        { say: 'open partner massage' },
        {
          say: 'do another one',
          intent: 'AnotherRoutineIntent',
          hears: [/One more, then/, new RegExp(lines.whenReady)],
          notHears: /One more, then: foot massage/,
          listening: true,
        },
      ],
      { device },
    );
  });

  it('stop during a joined session ends it with the place kept', async () => {
    await runDialogue([
      { say: 'open partner massage' },
      { say: 'a longer session', hears: /put together/ },
      { say: 'ready', hears: /Step 1 of/ },
      { say: 'stop', hears: /saved|step 1/i, notHears: /Time to move on/, ends: true },
    ]);
  });
});
