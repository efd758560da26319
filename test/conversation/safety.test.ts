/** Safety answers act at once, mid-routine and at the menu, and stop the routine. */
import { lines } from '../../lambda/content/lines';
import { type Logger, silentLogger } from '../../lambda/log';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import { createHandler } from '../../lambda/skill';
import { buildEnvelope, type EnvelopeContext, type RequestSpec } from '../../tools/simulator/envelope';
import { SimulatedDevice } from '../../tools/simulator/session-driver';
import { readOutputSpeech } from '../../tools/simulator/ssml-reader';
import { type Exchange, runDialogue } from '../support/dialogue';

const midRoutine: Exchange[] = [
  { say: 'open partner massage' },
  { say: 'start hips and legs', hears: /Step 1 of/ },
  { say: '/wait 40' },
];

const noStep = /Step \d+ of/;

describe('mid-routine', () => {
  it.each([['it hurts'], ["that's too much"], ['ow'], ['she says stop']])(
    '"%s" stops the stroke, lightens, and waits',
    async (say) => {
      await runDialogue([
        ...midRoutine,
        { say, intent: 'DiscomfortIntent', hears: [/Stop that stroke/, /carry on/], notHears: noStep, listening: true },
        { say: '/wait 30' },
        { say: 'carry on', hears: /^\s*Step 1 of/ },
      ]);
    },
  );

  it.each([['she feels dizzy'], ['she feels faint'], ['she feels sick']])(
    '"%s" stops and advises rest',
    async (say) => {
      await runDialogue([
        ...midRoutine,
        { say, intent: 'UnwellIntent', hears: [/Stop the massage/, /midwife or doctor/], notHears: noStep },
        { say: 'how much longer', notHears: noStep },
      ]);
    },
  );

  it.each([
    ['her calf is swollen'],
    ['one leg is red and hot'],
    ["she's bleeding"],
    ['her waters broke'],
    ['she has a bad headache'],
    ['contractions'],
    ["the baby isn't moving much"],
  ])('"%s" is a red flag: stop, call the midwife, never resume by itself', async (say) => {
    const store = new MemoryUserStore();
    await runDialogue(
      [
        ...midRoutine,
        {
          say,
          intent: 'RedFlagIntent',
          hears: [/midwife or doctor/, /don't massage that leg/],
          notHears: noStep,
          ends: true,
        },
      ],
      { store },
    );
    await runDialogue([{ say: 'open partner massage', notHears: /paused hips and legs/ }], { store });
  });

  it('"is this safe" gives this routine\'s cautions, the general ones and the disclaimer', async () => {
    await runDialogue([
      ...midRoutine,
      {
        say: 'is this safe',
        intent: 'SafetyInfoIntent',
        hears: [/For hips and legs/, /calf/, /before starting/, /not medical advice/, /carry on/],
      },
    ]);
  });
});

describe('at the menu', () => {
  it.each([
    ['it hurts', /Stop that stroke/],
    ['she feels dizzy', /Stop the massage/],
    ['her calf is swollen', /midwife or doctor/],
    ['safety information', /In general/],
  ])('"%s" answers calmly', async (say, hears) => {
    await runDialogue([{ say: 'open partner massage' }, { say, hears }]);
  });
});

describe('what helps with', () => {
  it.each([
    ['her feet are swollen', /Foot massage may help/, /Step 1 of 7/],
    ['my back aches', /Lower back relief may help/, /Step 1 of 6/],
    ['she has sciatica', /Hips and legs may help/, /Step 1 of/],
    ['tight shoulders', /Shoulders and neck may help/, /Step 1 of/],
    ["she can't sleep", /Foot massage may help/, /Step 1 of/],
    ['her hands are sore', /Hand massage may help/, /Step 1 of/],
    ["we're in early labour", /counter pressure practice may help/i, /Step 1 of/],
  ])('"%s" suggests the routine that fits and starts it on yes', async (say, suggestion, started) => {
    await runDialogue([
      { say: 'open partner massage' },
      { say, intent: 'HelpWithIntent', hears: suggestion, listening: true },
      { say: 'yes', hears: started },
    ]);
  });
});

describe('odd input', () => {
  const ctx: EnvelopeContext = {
    userId: 'amzn1.ask.account.odd',
    sessionId: 's-odd',
    isNew: true,
    at: Date.parse('2026-11-27T19:00:00Z'),
  };

  /** The real handler, with a logger that keeps the events of turns that failed. */
  function handlerNotingFailures() {
    const failures: string[] = [];
    const logger: Logger = { info: () => {}, warn: () => {}, error: (event) => failures.push(event) };
    return { handler: createHandler({ store: new MemoryUserStore(), logger }), failures };
  }

  it.each<[string, RequestSpec, Partial<EnvelopeContext>, string]>([
    [
      'a routine slot that matches no routine',
      { type: 'IntentRequest', intent: 'StartRoutineIntent', slots: { routine: { value: 'tummy tickle' } } },
      {},
      lines.unknownRoutine('tummy tickle'),
    ],
    [
      'a routine slot without a value',
      { type: 'IntentRequest', intent: 'StartRoutineIntent', slots: { routine: undefined } },
      {},
      lines.missingRoutine,
    ],
    ['no routine slot at all', { type: 'IntentRequest', intent: 'StartRoutineIntent' }, {}, lines.missingRoutine],
    ['an intent the code does not know', { type: 'IntentRequest', intent: 'MadeUpIntent' }, {}, lines.fallbackMenu],
    [
      'session attributes of the wrong shape',
      { type: 'IntentRequest', intent: 'AMAZON.NextIntent' },
      { isNew: false, attributes: { coach: 'x', profile: [1] } },
      lines.noRoutineGoing,
    ],
  ])('with %s, the turn answers for real, not with the apology', async (_case, spec, overrides, expected) => {
    // Prepare
    const { handler, failures } = handlerNotingFailures();

    // Act
    const { response } = await handler(buildEnvelope(spec, { ...ctx, ...overrides }));

    // Assess
    const spoken = readOutputSpeech(response.outputSpeech).text;
    expect(spoken).not.toContain(lines.error);
    expect(spoken).toContain(expected);
    expect(failures).toEqual([]);
  });

  it.each<[string, RequestSpec]>([
    [
      'a session that ended in an error',
      { type: 'SessionEndedRequest', reason: 'ERROR', errorType: 'INVALID_RESPONSE' },
    ],
    ['System.ExceptionEncountered', { type: 'System.ExceptionEncountered' }],
  ])('%s is acknowledged without speech and without failing', async (_case, spec) => {
    // Prepare
    const { handler, failures } = handlerNotingFailures();

    // Act
    const { response } = await handler(buildEnvelope(spec, ctx));

    // Assess
    expect(response.outputSpeech).toBeUndefined();
    // The handler of last resort answers these silently too: only the log tells a failure apart.
    expect(failures).toEqual([]);
  });

  it('a request for another skill id is rejected when SKILL_ID is set', async () => {
    const handler = createHandler({
      store: new MemoryUserStore(),
      skillId: 'amzn1.ask.skill.mine',
      logger: silentLogger,
    });
    const ctx = { userId: 'u', sessionId: 's', isNew: true, at: Date.now() };
    await expect(
      handler(buildEnvelope({ type: 'LaunchRequest' }, { ...ctx, skillId: 'amzn1.ask.skill.other' })),
    ).rejects.toThrow();
    const ok = await handler(buildEnvelope({ type: 'LaunchRequest' }, { ...ctx, skillId: 'amzn1.ask.skill.mine' }));
    expect(ok.response.outputSpeech).toBeDefined();
  });

  it('a store that fails on every call still answers, and says when the place could not be saved', async () => {
    const failing = {
      load: async () => Promise.reject(new Error('down')),
      save: async () => Promise.reject(new Error('down')),
      delete: async () => Promise.reject(new Error('down')),
    };
    const device = new SimulatedDevice({ handler: createHandler({ store: failing, logger: silentLogger }) });
    await runDialogue(
      [
        { say: 'open partner massage', listening: true },
        { say: 'start foot massage', hears: /Step 1 of 7/ },
        { say: 'pause', hears: /couldn't save your place just now; you were on step 1/ },
      ],
      { device },
    );
  });
});
