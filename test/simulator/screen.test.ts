/**
 * The simulator's command line as an Echo Show: the card printed after each answer, and /touch
 * pressing one of its buttons as a device does.
 */
import { runSimulator } from '../support/simulator-cli';

const SCRIPT = [
  '/device screen',
  'open partner massage',
  'start foot massage',
  'ready',
  '/touch next',
  '/touch dance',
  '/touch pause',
  '/device voice',
  'open partner massage',
  'start foot massage',
  '/touch next',
].join('\n');

/** The lines the simulator printed after `you> line`, up to the next line typed. */
function printedAfter(stdout: string, line: string, nth = 1): string {
  const parts = stdout.split(`you> ${line}\n`);
  const part = parts[nth];
  if (part === undefined) throw new Error(`"${line}" was not typed ${nth} times:\n${stdout}`);
  return part.split('\nyou> ')[0] ?? '';
}

describe('the simulator CLI on /device screen', () => {
  let result: ReturnType<typeof runSimulator>;
  beforeAll(() => {
    result = runSimulator(['--memory'], `${SCRIPT}\n`);
  });

  it('runs the script without an error', () => {
    expect(result.stderr).not.toMatch(/error:/);
    expect(result.status).toBe(0);
  });

  it('prints the card after each answer: the routine, its pages with their times, and the buttons', () => {
    const menu = printedAfter(result.stdout, 'open partner massage');
    expect(menu).toMatch(/^screen> Choose a routine/m);
    expect(menu).toContain('[Foot massage]');
    const ready = printedAfter(result.stdout, 'ready');
    expect(ready).toMatch(/^screen> Foot massage · Pressure: gentle/m);
    expect(ready).toMatch(/^ {8}0:00 +Step 1 of 7 · About \d+ minutes left/m);
    expect(ready).toMatch(/^ {8}\d:\d\d +Step 2 of 7/m);
    expect(ready).toContain('[Pause] [Back] [Next] [Lighter] [It hurts]');
  });

  it('/touch next sends the button as a touch and moves on to the next step', () => {
    const next = printedAfter(result.stdout, '/touch next');
    expect(next).toMatch(/^alexa> Step 2 of 7\./m);
    expect(next).toContain('Alexa.Presentation.APL.UserEvent');
    expect(next).toMatch(/^ {8}0:00 +Step 2 of 7/m);
  });

  it('/touch of a button the card lacks says what the card has, and sends nothing', () => {
    const dance = printedAfter(result.stdout, '/touch dance');
    expect(dance).toMatch(/the card has no button that sends \["dance"\]; it has \[Pause\] pause/);
    expect(dance).not.toContain('alexa>');
  });

  it('pause leaves the paused card with the session open and the mic closed', () => {
    const pause = printedAfter(result.stdout, '/touch pause');
    expect(pause).toContain('session open, mic closed');
    expect(pause).toMatch(/^screen> Foot massage · Step 2 of 7/m);
    expect(pause).toContain('[Resume] [Stop]');
  });

  it('a voice-only Echo shows no card and has nothing to touch', () => {
    const voice = printedAfter(result.stdout, 'start foot massage', 2);
    expect(voice).not.toContain('screen>');
    expect(printedAfter(result.stdout, '/touch next', 2)).toContain(
      '(this device has no screen: /device screen first)',
    );
  });
});
