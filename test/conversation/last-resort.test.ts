/** The handler of last resort: a turn that throws still gets a spoken apology, and the session stays open. */
import { lines } from '../../lambda/content/lines';
import { catalogue } from '../../lambda/content/routines';
import { Catalogue, type Routine } from '../../lambda/core/catalogue';
import { MAX_SSML_CHARACTERS } from '../../lambda/core/limits';
import type { LogFields, Logger } from '../../lambda/log';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import { createHandler } from '../../lambda/skill';
import { SimulatedDevice } from '../../tools/simulator/session-driver';
import { checkTurn } from '../support/dialogue';

/**
 * The foot massage with a first step whose SSML passes the platform's character limit, so the
 * renderer throws. Pacing already splits or defers a step that is merely long, by its estimate of
 * 1.15 characters of SSML per character of text; escaping makes each `&` five (`&amp;`), which
 * that estimate does not foresee, and `&` is not a word, so the step takes no longer to speak.
 */
function footMassageTooLongToRender(): Routine {
  const foot = catalogue.get('foot');
  const [first, ...rest] = foot?.steps ?? [];
  if (foot === undefined || first === undefined) throw new Error('the catalogue has no foot massage steps');
  const escapes = '&'.repeat(Math.ceil(MAX_SSML_CHARACTERS / 4));
  const instruction = {
    gentle: `${first.instruction.gentle} ${escapes}`,
    medium: `${first.instruction.medium} ${escapes}`,
    firm: `${first.instruction.firm} ${escapes}`,
  };
  return { ...foot, steps: [{ ...first, instruction }, ...rest] };
}

describe('a turn that throws', () => {
  it('gets the spoken apology with a reprompt, and the session stays open', async () => {
    // Prepare
    const failures: LogFields[] = [];
    const logger: Logger = { info: () => {}, warn: () => {}, error: (_event, fields = {}) => failures.push(fields) };
    const routines = catalogue.routines.map((routine) =>
      routine.id === 'foot' ? footMassageTooLongToRender() : routine,
    );
    const handler = createHandler({ store: new MemoryUserStore(), catalogue: new Catalogue(routines), logger });
    const device = new SimulatedDevice({ handler });
    await device.say('open partner massage');
    await device.say('start foot massage');

    // Act
    const turn = await device.say('ready');
    const next = await device.say('what routines are there');

    // Assess
    checkTurn(turn);
    expect(failures).toEqual([expect.objectContaining({ error: 'SpeechLimitError' })]);
    expect(turn.text).toContain(lines.error);
    expect(turn.reprompt).toContain(lines.errorReprompt);
    expect(turn.response?.response.shouldEndSession).not.toBe(true);
    expect(turn.listening).toBe(true);
    expect(next.request?.session?.new).toBe(false);
    expect(next.text).toMatch(/foot massage/);
  });
});
