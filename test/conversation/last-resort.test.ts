/**
 * The answers of last resort: a turn that throws still gets a spoken apology and the session stays
 * open; request types the skill does not speak to, and envelopes ask-sdk cannot read, get a valid
 * answer for their type and never an exception.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import { catalogue, lines } from '../../lambda/content';
import { Catalogue, type Routine } from '../../lambda/core/catalogue';
import { MAX_SSML_CHARACTERS } from '../../lambda/core/limits';
import type { LogFields, Logger } from '../../lambda/log';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import { createHandler, SkillIdMismatchError } from '../../lambda/skill';
import { buildEnvelope, type EnvelopeContext } from '../../tools/simulator/envelope';
import { responseProblems, SimulatedDevice } from '../../tools/simulator/session-driver';
import { readOutputSpeech } from '../../tools/simulator/ssml-reader';
import { checkTurn } from '../support/dialogue';
import { envelopeOf, REQUEST_TYPES } from '../support/request-envelopes';

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

/** A handler whose log lines are kept, with a store holding a paused place for the user. */
async function recordingHandler(skillId?: string) {
  const logged: { level: string; event: string; fields: LogFields }[] = [];
  const note =
    (level: string) =>
    (event: string, fields: LogFields = {}) =>
      logged.push({ level, event, fields });
  const logger: Logger = { info: note('info'), warn: note('warn'), error: note('error') };
  const store = new MemoryUserStore();
  await store.save(USER, { id: 'seed', paused: { place: { routineId: 'foot', stepIndex: 3, at: AT }, at: AT } });
  const handler = createHandler({ store, logger, ...(skillId ? { skillId } : {}) });
  return { handler, store, logged, before: await store.load(USER) };
}

const USER = 'amzn1.ask.account.last-resort';
const AT = Date.parse('2026-11-27T19:00:00Z');
const CTX: EnvelopeContext = { userId: USER, sessionId: 'amzn1.echo-api.session.lr', isNew: false, at: AT };

function problemsOf(envelope: unknown, requestType: string): string[] {
  return responseProblems(envelope, requestType);
}

describe('intents the model does not have', () => {
  it('are answered as not understood, and the log keeps a bounded copy of the untrusted name', async () => {
    const { handler, logged } = await recordingHandler();
    const name = `Made${'Up'.repeat(5000)}Intent`;
    const reply = await handler(envelopeOf('IntentRequest', CTX, { intent: { name, confirmationStatus: 'NONE' } }));
    expect(readOutputSpeech(reply.response.outputSpeech).text).toContain(lines.fallbackMenu);
    const line = logged.find((entry) => entry.event === 'unknown_intent');
    expect(String(line?.fields.intent)).toBe(name.slice(0, 80));
  });
});

describe('request types the skill does not speak to', () => {
  // Launch, intents and the answer to the reminders permission (Connections.Response) are turns.
  const silent = REQUEST_TYPES.filter(
    (type) => !['LaunchRequest', 'IntentRequest', 'Connections.Response'].includes(type),
  );

  it('Connections.Response, the answer to the permission request, is answered in words, and the stored place is kept', async () => {
    const { handler, store, logged, before } = await recordingHandler();
    const reply = await handler(envelopeOf('Connections.Response', CTX));
    expect(problemsOf(reply, 'Connections.Response')).toEqual([]);
    expect(readOutputSpeech(reply.response.outputSpeech).text).toMatch(/I haven't set a reminder/);
    expect(logged.filter((line) => line.level === 'error')).toEqual([]);
    expect((await store.load(USER))?.profile.paused).toEqual(before?.profile.paused);
  });

  it.each(silent)(
    '%s gets a valid answer with no speech, card or reprompt, and the stored place is kept',
    async (type) => {
      // Prepare
      const { handler, store, logged, before } = await recordingHandler();

      // Act
      const reply = await handler(envelopeOf(type, CTX));

      // Assess
      expect(problemsOf(reply, type)).toEqual([]);
      expect(reply.response.outputSpeech).toBeUndefined();
      expect(reply.response.reprompt).toBeUndefined();
      expect(reply.response.card).toBeUndefined();
      expect(logged.filter((line) => line.level === 'error')).toEqual([]);
      expect(await store.load(USER)).toEqual(before);
    },
  );

  it.each([
    'AudioPlayer.PlaybackStarted',
    'AudioPlayer.PlaybackNearlyFinished',
    'AudioPlayer.PlaybackFailed',
    'PlaybackController.NextCommandIssued',
    'PlaybackController.PlayCommandIssued',
  ] as const)('%s gets an empty answer: AudioPlayer directives only, and none to send', async (type) => {
    const { handler } = await recordingHandler();
    const reply = await handler(envelopeOf(type, CTX));
    expect(reply.response).toEqual({});
  });

  it('a SessionEndedRequest gets an answer with nothing in it', async () => {
    const { handler } = await recordingHandler();
    const reply = await handler(envelopeOf('SessionEndedRequest', CTX, { reason: 'EXCEEDED_MAX_REPROMPTS' }));
    expect(reply.response).toEqual({});
  });

  it('a request type newer than the SDK is acknowledged without speech, and logged as unknown', async () => {
    const { handler, logged } = await recordingHandler();
    const envelope = envelopeOf('Messaging.MessageReceived', CTX, { type: 'Alexa.Something.New' });
    const reply = await handler(envelope);
    expect(reply.response).toEqual({});
    expect(logged).toContainEqual(
      expect.objectContaining({ event: 'unknown_request_type', fields: { requestType: 'Alexa.Something.New' } }),
    );
  });
});

describe('CanFulfillIntentRequest', () => {
  const routineSlot = (id?: string) => ({
    name: 'routine',
    value: 'foot rub',
    resolutions: {
      resolutionsPerAuthority: [
        id
          ? { authority: 'a', status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: 'foot massage', id } }] }
          : { authority: 'a', status: { code: 'ER_SUCCESS_NO_MATCH' } },
      ],
    },
  });

  it.each([
    ['a routine the model resolves', 'StartRoutineIntent', { routine: routineSlot('foot') }, 'YES'],
    ['a routine it does not resolve', 'StartRoutineIntent', { routine: routineSlot() }, 'NO'],
    ['the list of routines', 'ListRoutinesIntent', {}, 'YES'],
    ['"next" outside a session', 'AMAZON.NextIntent', {}, 'NO'],
    ['a warning sign said without the skill name', 'WarningSignIntent', {}, 'NO'],
    ['an intent the skill does not have', 'PlaySoundIntent', {}, 'NO'],
  ])('answers %s with %s and says nothing', async (_case, name, slots, expected) => {
    const { handler, store, before } = await recordingHandler();
    const envelope = envelopeOf('CanFulfillIntentRequest', CTX, {
      intent: { name, confirmationStatus: 'NONE', slots },
    });

    const reply = await handler(envelope);

    expect(reply.response.canFulfillIntent?.canFulfill).toBe(expected);
    expect(reply.response.outputSpeech).toBeUndefined();
    expect(await store.load(USER)).toEqual(before);
  });

  it('says which slot it understood', async () => {
    const { handler } = await recordingHandler();
    const intent = { name: 'StartRoutineIntent', confirmationStatus: 'NONE', slots: { routine: routineSlot('foot') } };
    const reply = await handler(envelopeOf('CanFulfillIntentRequest', CTX, { intent }));
    expect(reply.response.canFulfillIntent).toEqual({
      canFulfill: 'YES',
      slots: { routine: { canUnderstand: 'YES', canFulfill: 'YES' } },
    });
  });

  it('answers NO to a request whose slots cannot be read', async () => {
    const { handler } = await recordingHandler();
    const intent = { name: 'StartRoutineIntent', slots: { routine: null } };
    const reply = await handler(envelopeOf('CanFulfillIntentRequest', CTX, { intent }));
    expect(reply.response.canFulfillIntent).toEqual({ canFulfill: 'NO' });
  });
});

describe('envelopes ask-sdk cannot read', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'LaunchRequest'],
    ['an array', []],
    ['no request', { version: '1.0', context: {} }],
    ['a request without a type', { version: '1.0', request: { requestId: 'r' } }],
    ['a request type that is not a string', { version: '1.0', request: { type: 42 } }],
  ])('%s: a logged error and a valid empty answer, never an exception', async (_case, event) => {
    const { handler, store, logged, before } = await recordingHandler();

    const reply = await handler(event as RequestEnvelope);

    expect(reply).toEqual({ version: '1.0', response: {} });
    expect(logged).toContainEqual(expect.objectContaining({ level: 'error', event: 'envelope_malformed' }));
    expect(await store.load(USER)).toEqual(before);
  });

  it('an IntentRequest without a session gets the spoken apology and a logged error', async () => {
    const { handler, logged } = await recordingHandler();
    const { session: _session, ...envelope } = buildEnvelope(
      { type: 'IntentRequest', intent: 'AMAZON.NextIntent' },
      CTX,
    );

    const reply = await handler(envelope as RequestEnvelope);

    expect(problemsOf(reply, 'IntentRequest')).toEqual([]);
    expect(readOutputSpeech(reply.response.outputSpeech).text).toContain(lines.error);
    expect(logged).toContainEqual(expect.objectContaining({ level: 'error', event: 'turn_failed' }));
  });

  it('an IntentRequest without an intent gets the spoken apology, and the session keeps its own attributes only', async () => {
    const { handler } = await recordingHandler();
    const launch = await handler(buildEnvelope({ type: 'LaunchRequest' }, { ...CTX, isNew: true }));
    const own = launch.sessionAttributes ?? {};
    expect(own).toHaveProperty('profile');
    const attributes = { ...own, kept: 'as sent' };
    const envelope = buildEnvelope({ type: 'IntentRequest', intent: 'AMAZON.NextIntent' }, { ...CTX, attributes });

    const reply = await handler({ ...envelope, request: { ...envelope.request, intent: undefined } } as never);

    expect(readOutputSpeech(reply.response.outputSpeech).text).toContain(lines.error);
    expect(reply.response.shouldEndSession).toBe(false);
    // What the skill wrote comes back; what it never writes does not.
    expect(reply.sessionAttributes).toEqual(own);
  });

  it('with a skill id set, an envelope without an application id runs nothing and does not throw', async () => {
    const { handler, store, before } = await recordingHandler('amzn1.ask.skill.mine');
    const envelope = envelopeOf('SessionEndedRequest', { ...CTX, skillId: 'amzn1.ask.skill.mine' });

    const reply = await handler({ ...envelope, context: {} } as RequestEnvelope);

    expect(reply.response).toEqual({});
    expect(await store.load(USER)).toEqual(before);
  });

  it('with a skill id set, an AudioPlayer event for another skill is rejected', async () => {
    const { handler } = await recordingHandler('amzn1.ask.skill.mine');
    const envelope = envelopeOf('AudioPlayer.PlaybackStopped', { ...CTX, skillId: 'amzn1.ask.skill.other' });
    await expect(handler(envelope)).rejects.toThrow(SkillIdMismatchError);
  });
});

describe('requests without a usable request id', () => {
  it.each<[string, unknown]>([
    ['missing', undefined],
    ['not a string', []],
  ])(
    'a request id %s still saves each change: the second is not taken for a retry of the first',
    async (_case, requestId) => {
      // Prepare
      const { handler, store } = await recordingHandler();
      const send = async (intent: string, attributes: Record<string, unknown>, at: number) => {
        const envelope = buildEnvelope({ type: 'IntentRequest', intent }, { ...CTX, attributes, at });
        return handler({ ...envelope, request: { ...envelope.request, requestId } } as never);
      };

      // Act
      const first = await send('SpeakSlowerIntent', {}, AT);
      await send('SpeakNormallyIntent', first.sessionAttributes ?? {}, AT + 5_000);

      // Assess
      const stored = await store.load(USER);
      expect(stored?.profile.preferences.speechRate).toBe('normal');
      expect(stored?.profile.appliedUpdateIds.every((id) => typeof id === 'string')).toBe(true);
    },
  );
});

describe('when the answer of last resort fails too', () => {
  function handlerWithApology(error: () => string) {
    const logged: string[] = [];
    const note = (event: string) => logged.push(event);
    const wording = Object.defineProperty({ ...lines }, 'error', { get: error });
    const handler = createHandler({
      store: new MemoryUserStore(),
      wording,
      logger: { info: note, warn: note, error: note },
    });
    return { handler, logged };
  }

  function intentWithoutSession(): RequestEnvelope {
    const { session: _session, ...envelope } = buildEnvelope(
      { type: 'IntentRequest', intent: 'AMAZON.NextIntent' },
      CTX,
    );
    return envelope as RequestEnvelope;
  }

  it('an error handler that throws once is caught by the Lambda wrapper, which apologises', async () => {
    let calls = 0;
    const { handler, logged } = handlerWithApology(() => {
      calls += 1;
      if (calls === 1) throw new Error('wording unavailable');
      return lines.error;
    });

    const reply = await handler(intentWithoutSession());

    expect(readOutputSpeech(reply.response.outputSpeech).text).toContain(lines.error);
    expect(logged).toEqual(expect.arrayContaining(['turn_failed', 'handler_failed']));
  });

  it('the wrapper’s apology hands back checked session attributes, not what the request brought', async () => {
    let calls = 0;
    const { handler } = handlerWithApology(() => {
      calls += 1;
      if (calls === 1) throw new Error('wording unavailable');
      return lines.error;
    });
    const envelope = buildEnvelope(
      { type: 'IntentRequest', intent: 'AMAZON.NextIntent' },
      { ...CTX, attributes: { junk: 'x'.repeat(10_000) } },
    );

    const reply = await handler({ ...envelope, request: { ...envelope.request, intent: undefined } } as never);

    expect(readOutputSpeech(reply.response.outputSpeech).text).toContain(lines.error);
    expect(reply.sessionAttributes).toEqual({});
  });

  it('an apology that cannot be said at all gives an empty answer, never an exception', async () => {
    const { handler, logged } = handlerWithApology(() => {
      throw new Error('wording unavailable');
    });

    const reply = await handler(intentWithoutSession());

    expect(reply).toEqual({ version: '1.0', response: {} });
    expect(logged).toEqual(expect.arrayContaining(['handler_failed', 'apology_failed']));
  });
});
