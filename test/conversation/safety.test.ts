/** Safety answers act at once, mid-routine and at the menu, and stop the routine. */
import { lines } from '../../lambda/content';
import { type Logger, silentLogger } from '../../lambda/log';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import { createHandler } from '../../lambda/skill';
import { buildEnvelope, type EnvelopeContext, type RequestSpec } from '../../tools/simulator/envelope';
import { SimulatedDevice } from '../../tools/simulator/session-driver';
import { readOutputSpeech } from '../../tools/simulator/ssml-reader';
import { type Exchange, runDialogue } from '../support/dialogue';

const midRoutine: Exchange[] = [
  { say: 'open partner massage' },
  { say: 'start hips and legs', notHears: /Step 1 of/ },
  { say: 'ready', hears: /Step 1 of/ },
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
        { say: 'okay', notHears: noStep, hears: /say carry on/, listening: true },
        { say: 'more pressure', notHears: noStep, hears: /Is she sure she wants more pressure/ },
        { say: 'no', notHears: noStep, hears: /keep the pressure as it is/ },
        { say: 'carry on', hears: /^\s*Step 1 of/ },
      ]);
    },
  );

  it.each([['she feels dizzy'], ['she feels faint'], ['she feels sick']])(
    '"%s" stops and advises rest',
    async (say) => {
      await runDialogue([
        ...midRoutine,
        { say, intent: 'UnwellIntent', hears: [/Stop the massage/, /call her OB or midwife now/], notHears: noStep },
        { say: 'how much longer', notHears: noStep },
      ]);
    },
  );

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
    ['her calf is swollen', /call her OB or midwife now/],
    ['safety information', /In general/],
  ])('"%s" answers calmly', async (say, hears) => {
    await runDialogue([{ say: 'open partner massage' }, { say, hears }]);
  });
});

describe('what helps with', () => {
  it.each([
    ['her feet are swollen', lines.concernScreening.swollenFeet, /Foot massage may help/],
    ['my back aches', lines.concernScreening.backAche, /Lower back relief may help/],
    ['she has sciatica', lines.concernScreening.sciatica, /Hips and legs may help/],
    ['tight shoulders', lines.concernScreening.tightShoulders, /Shoulders and neck may help/],
    ["she can't sleep", lines.concernScreening.cantSleep, /Foot massage may help/],
    ['her hands are sore', lines.concernScreening.soreHands, /Hand massage may help/],
    ['she has carpal tunnel', lines.concernScreening.carpalTunnel, /Hand massage may help/],
    ["she's stressed", lines.concernScreening.stress, /Ten minutes tonight may help/],
  ])('"%s" screens first, suggests the routine that fits and opens it on yes', async (say, screening, suggestion) => {
    const turns = await runDialogue([
      { say: 'open partner massage' },
      // Said with a subject ("she can't sleep"), it may come through WarningSignIntent: the same slot, the same answer.
      { say, hears: suggestion, listening: true },
      { say: 'yes', hears: new RegExp(lines.whenReady) },
    ]);
    const answer = turns[1]?.text ?? '';
    expect(answer.indexOf(screening)).toBeGreaterThanOrEqual(0);
    expect(answer.indexOf(screening)).toBeLessThan(answer.search(suggestion));
  });

  it.each([
    ['what helps with heartburn', lines.concernScreening.heartburn],
    ['she has a leg cramp', lines.concernScreening.legCramp],
  ])('"%s" gets its own advice and no routine', async (say, advice) => {
    const turns = await runDialogue([{ say: 'open partner massage' }, { say, listening: true, notHears: /may help/ }]);
    expect(turns[1]?.text).toContain(advice);
  });

  it('mid-routine, the routine is kept whatever the answer, and resume goes back to it', async () => {
    await runDialogue([
      ...midRoutine,
      { say: 'what helps with tight shoulders', hears: /Shoulders and neck may help/, notHears: noStep },
      { say: 'no', hears: /Shall I carry on with step 1/ },
      { say: 'resume', hears: /^\s*Step 1 of/ },
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
        { say: 'start foot massage', notHears: /Step 1 of 7/ },
        { say: 'ready', hears: /Step 1 of 7/ },
        { say: 'pause', hears: /couldn't save your place just now; you were on step 1/ },
      ],
      { device },
    );
  });
});
