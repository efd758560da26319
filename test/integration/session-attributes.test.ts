/**
 * Session attributes go back checked, whatever answered: a turn, a quiet answer to an event, the
 * end of a session, or an apology after a turn that threw.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { silentLogger } from '../../lambda/log';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import type { StoredProfile, UserStore } from '../../lambda/persistence/user-store';
import { createHandler } from '../../lambda/skill';
import { buildEnvelope } from '../../tools/simulator/envelope';
import { envelopeOf } from '../support/request-envelopes';

const ctx = (attributes: Record<string, unknown>) => ({
  userId: 'amzn1.ask.account.ATTRIBUTES',
  sessionId: 'amzn1.echo-api.session.ATTRIBUTES',
  isNew: false,
  attributes,
  at: Date.parse('2026-11-27T19:00:00Z'),
});

/** Attributes a real session would carry, from the skill's own answer to a launch. */
async function realAttributes(): Promise<Record<string, unknown>> {
  const handler = createHandler({ store: new MemoryUserStore(), logger: silentLogger });
  const launch = buildEnvelope({ type: 'LaunchRequest' }, { ...ctx({}), isNew: true });
  const response = await handler(launch);
  return response.sessionAttributes ?? {};
}

/** The real attributes with junk the skill never writes, most of a megabyte of it. */
async function swollen(): Promise<Record<string, unknown>> {
  const attributes = await realAttributes();
  return { ...attributes, junk: 'x'.repeat(400_000), profile: { ...(attributes.profile as object), extra: [1, 2, 3] } };
}

const bytes = (response: ResponseEnvelope) => Buffer.byteLength(JSON.stringify(response));

describe('session attributes in answers', () => {
  const handler = createHandler({ store: new MemoryUserStore(), logger: silentLogger });

  it('a turn hands back exactly the attributes it wrote, re-read within their caps', async () => {
    const attributes = await realAttributes();
    const response = await handler(
      buildEnvelope({ type: 'IntentRequest', intent: 'ListRoutinesIntent' }, ctx(attributes)),
    );
    expect(response.sessionAttributes).toMatchObject({ coach: { mode: 'menu' } });
    expect(Object.keys(response.sessionAttributes ?? {}).sort()).toEqual(Object.keys(attributes).sort());
  });

  it('the end of a session hands back none of what came in', async () => {
    const request: RequestEnvelope = buildEnvelope(
      { type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' },
      ctx(await swollen()),
    );
    const response = await handler(request);
    expect(response.sessionAttributes ?? {}).toEqual({});
    expect(bytes(response)).toBeLessThan(1_000);
  });

  it('a quiet answer to a screen event in a session hands back a checked copy, without the junk', async () => {
    const attributes = await swollen();
    const response = await handler(envelopeOf('Alexa.Presentation.APL.UserEvent', ctx(attributes)));
    expect(response.response.outputSpeech).toBeUndefined();
    expect(response.sessionAttributes).not.toHaveProperty('junk');
    expect(response.sessionAttributes).toHaveProperty('coach');
    expect(bytes(response)).toBeLessThan(24_000);
  });

  it('an apology after a turn that threw hands back a checked copy too', async () => {
    const failing: UserStore = {
      load: async () => {
        throw new Error('never reached: the session has its data');
      },
      save: async (): Promise<StoredProfile> => {
        throw new Error('unused');
      },
      delete: async () => {},
    };
    const attributes = await swollen();
    // A coach state the core cannot decide on makes the turn throw before it writes attributes.
    const broken = { ...attributes, coach: { mode: 'routine', routineId: 'lowerBack', resumeAt: 'x' } };
    const throwing = createHandler({
      store: failing,
      logger: silentLogger,
      catalogue: {
        get: () => {
          throw new Error('catalogue down');
        },
      } as never,
    });
    const response = await throwing(buildEnvelope({ type: 'IntentRequest', intent: 'AMAZON.NextIntent' }, ctx(broken)));
    expect(response.response.outputSpeech?.type).toBe('SSML');
    expect(response.sessionAttributes).not.toHaveProperty('junk');
    expect(bytes(response)).toBeLessThan(24_000);
  });
});
