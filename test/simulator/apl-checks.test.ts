/**
 * The simulator's checks of APL in a response (tools/simulator/session-driver.ts): what Alexa would
 * reject in a RenderDocument or ExecuteCommands, in answer to which requests APL may come at all,
 * and a screen device's card: APL to a device without a screen is an error, a card stays on screen
 * while the session is open, and touching it sends its button's arguments.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { contentFor } from '../../lambda/content';
import type { ScreenView } from '../../lambda/core/screen';
import { SCREEN_TOKEN, screenDirective } from '../../lambda/screen/render';
import {
  aplDirectiveProblems,
  assertValidResponse,
  renderedCard,
  responseProblems,
  SimulatedDevice,
} from '../../tools/simulator/session-driver';

const WORDS = contentFor('en-US').wording.screen;
const MENU: ScreenView = {
  kind: 'menu',
  routines: [{ id: 'foot', name: 'foot massage', summary: 'Feet.' }],
};
const PAUSED: ScreenView = {
  kind: 'paused',
  routineId: 'foot',
  routineName: 'foot massage',
  stepNumber: 2,
  stepCount: 7,
  title: 'thumb walk',
  area: 'sole',
};
const card = (view: ScreenView = MENU) => screenDirective(view, WORDS) as unknown as Record<string, unknown>;

const RENDER = 'Alexa.Presentation.APL.RenderDocument';
const EXECUTE = 'Alexa.Presentation.APL.ExecuteCommands';

function envelope(directives: unknown[], response: Record<string, unknown> = {}) {
  return {
    version: '1.0',
    response: { outputSpeech: { type: 'SSML', ssml: '<speak>Choose a routine.</speak>' }, directives, ...response },
  };
}

const play = {
  type: 'AudioPlayer.Play',
  playBehavior: 'REPLACE_ALL',
  audioItem: { stream: { url: 'https://example.com/a.mp3', token: 'a', offsetInMilliseconds: 0 } },
};

describe('responseProblems with APL directives', () => {
  it.each(['LaunchRequest', 'IntentRequest', 'Alexa.Presentation.APL.UserEvent', undefined])(
    'a real card in answer to %s passes',
    (type) => {
      expect(responseProblems(envelope([card()]), type)).toEqual([]);
      expect(responseProblems(envelope([card(PAUSED)], { shouldEndSession: false }), type)).toEqual([]);
    },
  );

  it('a card alone, without speech, answers a LaunchRequest or an IntentRequest', () => {
    expect(responseProblems(envelope([card()], { outputSpeech: undefined }), 'IntentRequest')).toEqual([]);
    expect(responseProblems(envelope([], { outputSpeech: undefined }), 'IntentRequest')).toEqual([
      'a IntentRequest answer has no outputSpeech',
    ]);
  });

  it('a RenderDocument without a token, or with an empty one', () => {
    const { token: _token, ...noToken } = card();
    expect(responseProblems(envelope([noToken]), 'LaunchRequest')).toEqual([`${RENDER} has no token`]);
    expect(responseProblems(envelope([{ ...card(), token: '' }]), 'LaunchRequest')).toEqual([`${RENDER} has no token`]);
  });

  it('a RenderDocument without a document fails all three document checks', () => {
    const { document: _document, ...noDocument } = card();
    expect(aplDirectiveProblems([noDocument], 'LaunchRequest')).toEqual([
      'RenderDocument document is not of type APL',
      'RenderDocument document has no version',
      'RenderDocument document has no mainTemplate',
    ]);
  });

  it('a document of another type, without a version, or without a mainTemplate', () => {
    const document = card().document as Record<string, unknown>;
    const withDocument = (changed: Record<string, unknown>) => [{ ...card(), document: changed }];
    expect(aplDirectiveProblems(withDocument({ ...document, type: 'APLA' }), 'LaunchRequest')).toEqual([
      'RenderDocument document is not of type APL',
    ]);
    const { version: _version, ...noVersion } = document;
    expect(aplDirectiveProblems(withDocument(noVersion), 'LaunchRequest')).toEqual([
      'RenderDocument document has no version',
    ]);
    const { mainTemplate: _mainTemplate, ...noTemplate } = document;
    expect(aplDirectiveProblems(withDocument(noTemplate), 'LaunchRequest')).toEqual([
      'RenderDocument document has no mainTemplate',
    ]);
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a string', 'card'],
  ])('datasources that are %s are not an object; none at all is fine', (_what, datasources) => {
    expect(aplDirectiveProblems([{ ...card(), datasources }], 'LaunchRequest')).toEqual([
      'RenderDocument datasources is not an object',
    ]);
    const { datasources: _datasources, ...without } = card();
    expect(aplDirectiveProblems([without], 'LaunchRequest')).toEqual([]);
  });

  it('two RenderDocuments in one response', () => {
    expect(responseProblems(envelope([card(), card(PAUSED)]), 'IntentRequest')).toEqual([
      '2 RenderDocument directives; one per response',
    ]);
  });

  it('a RenderDocument with an AudioPlayer.Play: the device shows Now Playing instead', () => {
    expect(responseProblems(envelope([card(), play], { shouldEndSession: true }), 'IntentRequest')).toEqual([
      'a RenderDocument with an AudioPlayer.Play: the device shows Now Playing instead',
    ]);
    // ExecuteCommands with a Play is not that fault.
    const execute = { type: EXECUTE, token: SCREEN_TOKEN, commands: [] };
    expect(aplDirectiveProblems([execute, play], 'IntentRequest')).toEqual([]);
  });

  it.each(['SessionEndedRequest', 'System.ExceptionEncountered', 'Messaging.MessageReceived'])(
    'a %s answer may hold no APL',
    (type) => {
      expect(aplDirectiveProblems([card()], type)).toEqual([`a ${type} answer may not hold APL directives`]);
    },
  );

  it('answers to the player and its buttons may hold neither APL nor anything but AudioPlayer directives', () => {
    const type = 'AudioPlayer.PlaybackNearlyFinished';
    expect(responseProblems({ version: '1.0', response: { directives: [card()] } }, type)).toEqual([
      `a ${type} answer may not hold APL directives`,
      `a ${type} answer may hold AudioPlayer directives only, not ${RENDER}`,
    ]);
    const button = 'PlaybackController.NextCommandIssued';
    expect(responseProblems({ version: '1.0', response: { directives: [card()] } }, button)).toContain(
      `a ${button} answer may not hold APL directives`,
    );
  });

  it('a SessionEndedRequest answer with a card: no APL there, and no directives at all', () => {
    expect(responseProblems({ version: '1.0', response: { directives: [card()] } }, 'SessionEndedRequest')).toEqual([
      'a SessionEndedRequest answer may not hold APL directives',
      'a SessionEndedRequest answer must not hold directives',
    ]);
  });

  it('ExecuteCommands needs a token and commands', () => {
    expect(aplDirectiveProblems([{ type: EXECUTE, token: SCREEN_TOKEN, commands: [] }], 'IntentRequest')).toEqual([]);
    expect(aplDirectiveProblems([{ type: EXECUTE, commands: [] }], 'IntentRequest')).toEqual([
      `${EXECUTE} has no token`,
    ]);
    expect(
      aplDirectiveProblems([{ type: EXECUTE, token: SCREEN_TOKEN, commands: 'SetPage' }], 'IntentRequest'),
    ).toEqual(['ExecuteCommands has no commands']);
  });

  it('the list-data directives are known; any other APL directive is not', () => {
    for (const type of [
      'Alexa.Presentation.APL.SendIndexListData',
      'Alexa.Presentation.APL.SendTokenListData',
      'Alexa.Presentation.APL.UpdateIndexListData',
    ]) {
      expect(aplDirectiveProblems([{ type, token: 't' }], 'IntentRequest')).toEqual([]);
    }
    expect(aplDirectiveProblems([{ type: 'Alexa.Presentation.APL.Render', token: 't' }], 'IntentRequest')).toEqual([
      'unknown APL directive Alexa.Presentation.APL.Render',
    ]);
  });

  it('directives that are not APL, or not objects, are none of its business', () => {
    expect(aplDirectiveProblems([play, null, 'text', { type: 'Dialog.Delegate' }], 'SessionEndedRequest')).toEqual([]);
    expect(aplDirectiveProblems([], undefined)).toEqual([]);
  });

  it('a card that makes the response over 120 KB', () => {
    const big = { ...card(), datasources: { card: { filler: 'x'.repeat(130 * 1024) } } };
    const problems = responseProblems(envelope([big]), 'IntentRequest');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^the response is \d+ bytes; the limit is 122880$/);
  });

  it('assertValidResponse throws with every problem; renderedCard finds the RenderDocument', () => {
    expect(() => assertValidResponse(envelope([{ ...card(), token: '' }, card()]), 'LaunchRequest')).toThrow(
      `invalid response: 2 RenderDocument directives; one per response; ${RENDER} has no token`,
    );
    const rendered = card(PAUSED);
    expect(renderedCard([play, { type: EXECUTE }, rendered])).toBe(rendered);
    expect(renderedCard([play])).toBeUndefined();
    expect(renderedCard(undefined)).toBeUndefined();
  });
});

describe('responseProblems on the speech beside a card', () => {
  const withSpeech = (outputSpeech: unknown, extra: Record<string, unknown> = {}) =>
    responseProblems(envelope([card()], { outputSpeech, ...extra }), 'LaunchRequest');

  it('SSML not wrapped in <speak>, or not a string', () => {
    expect(withSpeech({ type: 'SSML', ssml: 'Hello.' })).toEqual(['outputSpeech SSML is not wrapped in <speak>']);
    expect(withSpeech({ type: 'SSML' })).toEqual(['outputSpeech SSML is not wrapped in <speak>']);
  });

  it('SSML that does not parse', () => {
    const problems = withSpeech({ type: 'SSML', ssml: '<speak><p>Hello.</speak>' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^outputSpeech SSML is not parsable: /);
  });

  it('SSML too long for Alexa', () => {
    const ssml = `<speak>${'Press. '.repeat(2000)}</speak>`;
    expect(withSpeech({ type: 'SSML', ssml })).toContain(
      `outputSpeech is ${ssml.length} characters; the limit is 8000`,
    );
  });

  it('PlainText without text, and a speech type Alexa does not know', () => {
    expect(withSpeech({ type: 'PlainText' })).toEqual(['outputSpeech PlainText has no text']);
    expect(withSpeech({ type: 'PlainText', text: 'Hello.' })).toEqual([]);
    expect(withSpeech({ type: 'Whisper', text: 'Hello.' })).toEqual(['outputSpeech has unknown type "Whisper"']);
  });

  it('a reprompt with shouldEndSession true is never heard', () => {
    const reprompt = { outputSpeech: { type: 'PlainText', text: 'Which one?' } };
    expect(withSpeech({ type: 'PlainText', text: 'Hi.' }, { reprompt, shouldEndSession: true })).toEqual([
      'a reprompt with shouldEndSession true is never heard',
    ]);
    expect(withSpeech({ type: 'PlainText', text: 'Hi.' }, { reprompt, shouldEndSession: false })).toEqual([]);
  });
});

/**
 * A stand-in skill that answers with the real cards: the menu at launch (session left open, as
 * ask-sdk leaves shouldEndSession unset), a paused card when a button is touched, and a Play for
 * "start".
 */
function cardSkill(requests: RequestEnvelope[]) {
  return async (request: RequestEnvelope): Promise<ResponseEnvelope> => {
    requests.push(request);
    const type = request.request.type;
    const speak = (text: string) => ({ type: 'SSML' as const, ssml: `<speak>${text}</speak>` });
    if (type === 'LaunchRequest') {
      return {
        version: '1.0',
        response: { outputSpeech: speak('Choose a routine.'), directives: [card(MENU) as never] },
      };
    }
    if (type === 'Alexa.Presentation.APL.UserEvent') {
      return {
        version: '1.0',
        response: { outputSpeech: speak('Paused.'), directives: [card(PAUSED) as never] },
      };
    }
    if (type === 'IntentRequest') {
      return {
        version: '1.0',
        response: { outputSpeech: speak('Here it is.'), directives: [play as never], shouldEndSession: true },
      };
    }
    return { version: '1.0', response: {} };
  };
}

describe('a simulated device and the card', () => {
  it('APL to a device without a screen is an invalid response: the session ends', async () => {
    const requests: RequestEnvelope[] = [];
    const device = new SimulatedDevice({ handler: cardSkill(requests) });
    const turn = await device.say('open partner massage');
    expect(turn.error).toBe('invalid response: APL directives to a device without a screen');
    expect(turn.sessionEnded).toBe(true);
    expect(device.card).toBeUndefined();
    expect(requests[0]?.context.System.device?.supportedInterfaces).not.toHaveProperty(['Alexa.Presentation.APL']);
  });

  it('a device without a screen has nothing to touch', async () => {
    const device = new SimulatedDevice({ handler: cardSkill([]) });
    const turn = await device.touch(['resume']);
    expect(turn.request).toBeUndefined();
    expect(turn.text).toBe('this device has no screen to touch');
  });

  it('a screen device with nothing of the skill on it says so', async () => {
    const device = new SimulatedDevice({ handler: cardSkill([]), screen: true });
    expect((await device.touch(['resume'])).text).toBe('nothing of the skill is on the screen');
  });

  it('a screen device declares APL, keeps the card while the session is open without a mic, and sends touches', async () => {
    const requests: RequestEnvelope[] = [];
    const device = new SimulatedDevice({ handler: cardSkill(requests), screen: true });
    const launch = await device.say('open partner massage');
    expect(launch.error).toBeUndefined();
    expect(requests[0]?.context.System.device?.supportedInterfaces).toHaveProperty(['Alexa.Presentation.APL']);
    expect(launch.listening).toBe(false);
    // shouldEndSession unset: a screen device keeps the session (and the card) long after the speech.
    await device.wait(120);
    expect(device.sessionOpen).toBe(true);
    expect(renderedCard(launch.response?.response.directives)).toBe(device.card);
    expect(device.lastResponse).toBe(launch.response);
    expect(device.lastSpeech).toEqual({ sentAt: launch.at, seconds: launch.seconds });

    const wrong = await device.touch(['next']);
    expect(wrong.request).toBeUndefined();
    expect(wrong.text).toBe('the card has no button that sends ["next"]; it has [Foot massage] start foot');

    const before = device.clock;
    const touched = await device.touch(['start', 'foot']);
    expect(touched.request?.request).toMatchObject({
      type: 'Alexa.Presentation.APL.UserEvent',
      token: SCREEN_TOKEN,
      arguments: ['start', 'foot'],
    });
    // A touch goes out at once, with no speech lag.
    expect(touched.at).toBe(before);
    expect(device.card).toEqual(card(PAUSED));
  });

  it('a Play puts Now Playing on the screen: the card goes, and so does the session', async () => {
    const device = new SimulatedDevice({ handler: cardSkill([]), screen: true, audioPlayer: true });
    await device.say('open partner massage');
    expect(device.card).toBeDefined();
    const started = await device.say('start foot massage');
    expect(started.error).toBeUndefined();
    expect(device.card).toBeUndefined();
    expect(device.sessionOpen).toBe(false);
    // The last answer is kept; its speech no longer times a session.
    expect(device.lastResponse).toBe(started.response);
    expect(device.lastSpeech).toBeUndefined();
  });

  it('a voice-only device closes the session quietly when speech with shouldEndSession unset ends', async () => {
    const device = new SimulatedDevice({
      handler: async () => ({
        version: '1.0',
        response: { outputSpeech: { type: 'SSML', ssml: '<speak>Hello. <break time="10s"/></speak>' } },
      }),
    });
    await device.say('open partner massage');
    expect(device.sessionOpen).toBe(true);
    await device.wait(30);
    expect(device.sessionOpen).toBe(false);
  });
});
