/**
 * The Echo Show end to end: the real handler, real envelopes from the simulated device, the card
 * read back from each RenderDocument as a device lays it out (tools/simulator/apl-card.ts), and each
 * button pressed by sending the SendEvent arguments the document itself gives it. Every answer and
 * every request the device sends on its own is checked as Alexa would check it.
 */
import type { Directive } from 'ask-sdk-model';
import { catalogue, contentForRequest } from '../../lambda/content';
import { silentLogger } from '../../lambda/log';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import { SCREEN_TOKEN } from '../../lambda/screen/render';
import { createHandler } from '../../lambda/skill';
import { cardButtons, cardTexts, readCard } from '../../tools/simulator/apl-card';
import { DEFAULT_START_AT, responseProblems, SimulatedDevice, type Turn } from '../../tools/simulator/session-driver';
import { checkTurn } from '../support/dialogue';
import { HandsFreeRig } from '../support/hands-free';
import { EXPECTED } from '../support/locale-expectations';
import { CapturingLogger } from '../support/locale-session';
import { envelopeOf } from '../support/request-envelopes';

const LOCALES = ['en-US', 'en-GB'] as const;
type Locale = (typeof LOCALES)[number];
const USER = 'amzn1.ask.account.screen-tests';

const RENDER = 'Alexa.Presentation.APL.RenderDocument';
const PRESSURES = ['gentle', 'medium', 'firm'];

function renderOf(turn: Turn): Directive | undefined {
  return (turn.response?.response.directives ?? []).find((directive) => directive.type === RENDER);
}

function aplDirectives(turn: Turn): Directive[] {
  return (turn.response?.response.directives ?? []).filter((d) => String(d.type).startsWith('Alexa.Presentation.'));
}

/** The card's datasource, as the renderer wrote it: its kind and fields. */
function cardOf(turn: Turn): Record<string, unknown> {
  const render = renderOf(turn) as { datasources?: { card?: Record<string, unknown> } } | undefined;
  const card = render?.datasources?.card;
  if (card === undefined) throw new Error(`"${turn.line}" sent no card: ${turn.text.slice(0, 200)}`);
  return card;
}

function field(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** An Echo Show (APL declared) talking to the real handler, in one locale, every turn checked. */
class Show {
  readonly store = new MemoryUserStore();
  readonly device: SimulatedDevice;
  readonly turns: Turn[] = [];

  constructor(
    readonly locale: Locale,
    screen = true,
  ) {
    this.device = new SimulatedDevice({
      handler: createHandler({ store: this.store, logger: silentLogger }),
      userId: USER,
      locale,
      screen,
    });
  }

  private keep(turn: Turn): Turn {
    for (const event of [...this.device.takeEvents(), turn]) {
      checkTurn(event);
      this.turns.push(event);
    }
    return turn;
  }

  async say(...lines: string[]): Promise<Turn> {
    let last: Turn | undefined;
    for (const line of lines) last = this.keep(await this.device.say(line));
    if (last === undefined) throw new Error('nothing said');
    return last;
  }

  /** The buttons of the card on screen: each label and the SendEvent arguments the document gives it. */
  buttons(): { label: string; arguments: readonly unknown[] }[] {
    const card = this.device.card;
    if (card === undefined) throw new Error('no card on the screen');
    return cardButtons(readCard(card));
  }

  /** Presses the button of the card on screen that sends exactly these arguments (read from the card). */
  async press(args: readonly unknown[]): Promise<Turn> {
    const wanted = JSON.stringify(args);
    const button = this.buttons().find((each) => JSON.stringify(each.arguments) === wanted);
    if (button === undefined) throw new Error(`the card has no button sending ${wanted}`);
    const turn = await this.device.touch(button.arguments);
    if (turn.request === undefined) throw new Error(`the touch was not sent: ${turn.text}`);
    expect(turn.request.request.type).toBe('Alexa.Presentation.APL.UserEvent');
    expect(field(turn.request.request, 'token')).toBe(SCREEN_TOKEN);
    return this.keep(turn);
  }

  get coach(): Record<string, unknown> {
    return (this.device.sessionAttributes?.coach as Record<string, unknown> | undefined) ?? {};
  }
}

/** A situation on an Echo Show, from a fresh user: the card it leaves on screen. */
type Situation = (show: Show) => Promise<Turn>;

/** Foot massage at step 2, firm-ish: pressure medium, so Lighter has somewhere to go. */
const atStepTwo: Situation = async (show) => {
  await show.say('open partner massage', 'start foot massage', 'ready', 'more pressure');
  return show.say('next');
};

const SITUATIONS: Readonly<Record<string, Situation>> = {
  'the step card': atStepTwo,
  'the halted card': async (show) => {
    await atStepTwo(show);
    return show.say('it hurts');
  },
  'the paused card': async (show) => {
    await atStepTwo(show);
    return show.say('pause');
  },
  'the menu': (show) => show.say('open partner massage'),
  'the labour card': async (show) => {
    await show.say('open partner massage', `she is in ${EXPECTED[show.locale].labour}`);
    const atTerm = await show.say('yes');
    expect(cardOf(atTerm).kind).toBe('labour');
    return atTerm;
  },
};

interface Pressed {
  readonly show: Show;
  readonly before: Record<string, unknown>;
  readonly turn: Turn;
  readonly args: readonly unknown[];
}

/** What each button must do, by its first argument: what its label says. */
const DOES: Readonly<Record<string, (pressed: Pressed) => Promise<void> | void>> = {
  next: ({ show, before, turn }) => {
    expect(show.coach.stepIndex).toBe(Number(before.stepIndex) + 1);
    expect(show.coach.mode).toBe('routine');
    expect(field(cardOf(turn), 'pages', '0', 'stepOf')).toBe(
      contentForRequest(show.locale).wording.screen.stepOf(Number(before.stepIndex) + 2, 7),
    );
  },
  back: ({ show, before }) => {
    expect(show.coach.stepIndex).toBe(Number(before.stepIndex) - 1);
    expect(show.coach.mode).toBe('routine');
  },
  lighter: ({ show, before, turn }) => {
    const was = PRESSURES.indexOf(String(field(before, 'prefs', 'pressure')));
    expect(was).toBeGreaterThan(0);
    expect(field(show.coach, 'prefs', 'pressure')).toBe(PRESSURES[was - 1]);
    expect(cardOf(turn).pressure).toBe(contentForRequest(show.locale).wording.screen.pressure('gentle'));
  },
  hurts: ({ show, turn }) => {
    expect(show.coach.mode).toBe('halted');
    expect(cardOf(turn)).toMatchObject({ kind: 'halted', cause: 'discomfort' });
    const discomfort = contentForRequest(show.locale).wording.discomfort;
    expect(turn.text.startsWith(discomfort.slice(0, 20))).toBe(true);
  },
  pause: async ({ show, before, turn }) => {
    expect(cardOf(turn).kind).toBe('paused');
    // The card stays without the mic: shouldEndSession left out, the session still open.
    expect(turn.response?.response.shouldEndSession).toBeUndefined();
    expect(turn.response?.response.reprompt).toBeUndefined();
    expect(show.device.sessionOpen).toBe(true);
    const stored = await show.store.load(USER);
    expect(stored?.profile.paused).toMatchObject({ routineId: 'foot', stepIndex: before.stepIndex });
  },
  carryOn: ({ show, before, turn }) => {
    expect(show.coach.mode).toBe('routine');
    expect(show.coach.stepIndex).toBe(before.stepIndex);
    expect(cardOf(turn).kind).toBe('routine');
  },
  resume: ({ show, turn, args }) => {
    expect(args).toEqual(['resume']);
    expect(show.coach).toMatchObject({ mode: 'routine', routineId: 'foot', stepIndex: 1 });
    expect(cardOf(turn).kind).toBe('routine');
  },
  stop: ({ show, turn }) => {
    expect(turn.response?.response.shouldEndSession).toBe(true);
    expect(renderOf(turn)).toBeUndefined();
    expect(show.device.sessionOpen).toBe(false);
  },
  start: ({ show, turn, args }) => {
    const routine = catalogue.get(String(args[1]));
    expect(show.coach).toMatchObject({ mode: 'routine', routineId: args[1] });
    expect(cardOf(turn)).toMatchObject({ kind: 'routine' });
    expect(String(cardOf(turn).heading).toLowerCase()).toBe(
      contentForRequest(show.locale)
        .catalogue.get(routine?.id ?? '')
        ?.name.toLowerCase(),
    );
  },
};

describe.each(LOCALES)('on an Echo Show in %s', (locale) => {
  it('an answer mid-routine carries the step card; a voice-only device gets no APL at all', async () => {
    const script = ['open partner massage', 'start foot massage', 'ready', 'next', 'more pressure', 'pause'];
    const show = new Show(locale);
    const next = await show.say(...script.slice(0, 4));
    const render = renderOf(next);
    expect(render).toMatchObject({ type: RENDER, token: SCREEN_TOKEN });
    const stepOf = contentForRequest(locale).wording.screen.stepOf(2, 7);
    expect(cardOf(next)).toMatchObject({ kind: 'routine' });
    expect(field(cardOf(next), 'pages', '0', 'stepOf')).toBe(stepOf);
    expect(cardTexts(readCard(render))).toContain(stepOf);
    const voice = new Show(locale, false);
    await voice.say(...script);
    expect(voice.turns.length).toBeGreaterThanOrEqual(script.length);
    expect(voice.turns.flatMap(aplDirectives)).toEqual([]);
    // The paused place ends the session on a device with nothing to show.
    expect(voice.turns.at(-1)?.response?.response.shouldEndSession).toBe(true);
  });

  it.each(Object.keys(SITUATIONS))('every button of %s does what its label says', async (name) => {
    const situation = SITUATIONS[name];
    if (situation === undefined) throw new Error(name);
    const first = new Show(locale);
    await situation(first);
    const buttons = first.buttons();
    expect(buttons.length).toBeGreaterThan(0);
    for (const button of buttons) {
      const action = String(button.arguments[0]);
      const does = DOES[action];
      if (does === undefined) throw new Error(`no expectation for the ${button.label} button (${action})`);
      // Each press from the same situation, reached afresh.
      const show = new Show(locale);
      await situation(show);
      const before = { ...show.coach };
      const turn = await show.press(button.arguments);
      await does({ show, before, turn, args: button.arguments });
    }
  });

  it('a paused routine resumes from the menu card of the next session', async () => {
    const show = new Show(locale);
    await atStepTwo(show);
    await show.say('pause');
    await show.device.newSession();
    show.device.takeEvents();
    const launch = await show.say('open partner massage');
    expect(cardOf(launch)).toMatchObject({ kind: 'menu', hasResume: true });
    const resume = show.buttons().find((button) => button.arguments[0] === 'resume');
    if (resume === undefined) throw new Error('the menu has no resume button');
    const turn = await show.press(resume.arguments);
    expect(show.coach).toMatchObject({ mode: 'routine', routineId: 'foot', stepIndex: 1 });
    expect(cardOf(turn).kind).toBe('routine');
  });

  it("a warning sign shows the action and the locale's number, and leaves the session open without the mic", async () => {
    const show = new Show(locale);
    await show.say('open partner massage', 'start foot massage', 'ready');
    const warning = await show.say("she's bleeding heavily");
    const card = cardOf(warning);
    expect(card).toMatchObject({ kind: 'warning', tier: 1, number: EXPECTED[locale].emergency });
    expect(cardTexts(readCard(renderOf(warning)))).toContain(EXPECTED[locale].emergency);
    expect(warning.response?.response.shouldEndSession).toBeUndefined();
    expect(warning.response?.response.reprompt).toBeUndefined();
    expect(warning.listening).toBe(false);
    expect(show.device.sessionOpen).toBe(true);
    // A minute later the card is still there.
    await show.device.advance(60);
    expect(show.device.sessionOpen).toBe(true);
    expect(show.device.card).toBeDefined();
    // The same words on a voice-only device end the session.
    const voice = new Show(locale, false);
    await voice.say('open partner massage', 'start foot massage', 'ready');
    expect((await voice.say("she's bleeding heavily")).response?.response.shouldEndSession).toBe(true);
  });

  it("the routine's closing stays on screen without the mic", async () => {
    const show = new Show(locale);
    let turn = await show.say('open partner massage', 'start foot massage', 'ready');
    for (let i = 0; i < 10 && show.coach.mode === 'routine'; i += 1) turn = await show.say('next');
    expect(cardOf(turn)).toMatchObject({ kind: 'closing' });
    // The first closing asks about a practice reminder, so it listens; no thanks leaves the card up.
    expect(turn.response?.response.shouldEndSession).toBe(false);
    turn = await show.say('no');
    expect(show.device.card).toBeDefined();
    expect(turn.response?.response.shouldEndSession).toBeUndefined();
    expect(turn.response?.response.reprompt).toBeUndefined();
    expect(show.device.sessionOpen).toBe(true);
  });

  it('stop still ends the session, with no card left behind', async () => {
    const show = new Show(locale);
    await atStepTwo(show);
    const stop = await show.say('stop');
    expect(stop.response?.response.shouldEndSession).toBe(true);
    expect(aplDirectives(stop)).toEqual([]);
    expect(show.device.sessionOpen).toBe(false);
  });
});

describe('touches that are no button of the card', () => {
  const attributes = async () => {
    const show = new Show('en-US');
    await atStepTwo(show);
    return { show, attributes: show.device.sessionAttributes ?? {} };
  };

  it.each([
    ['an unknown button', SCREEN_TOKEN, ['dance']],
    ['a routine the skill does not have', SCREEN_TOKEN, ['start', 'backflip']],
    ['another document', 'someone.else', ['next']],
  ] as const)('%s changes nothing and is answered quietly, and logged', async (_name, token, args) => {
    const { attributes: before } = await attributes();
    const logger = new CapturingLogger();
    const handler = createHandler({ store: new MemoryUserStore(), logger });
    const ctx = {
      userId: USER,
      sessionId: 'amzn1.echo-api.session.screen',
      isNew: false,
      at: DEFAULT_START_AT,
      attributes: before,
    };
    const request = envelopeOf('Alexa.Presentation.APL.UserEvent', ctx, { token, arguments: [...args] });
    const reply = await handler(request);
    expect(responseProblems(reply, 'Alexa.Presentation.APL.UserEvent')).toEqual([]);
    expect(reply.response).toEqual({});
    expect(field(reply.sessionAttributes, 'coach')).toEqual(field(before, 'coach'));
    expect(logger.lines.map((line) => line.event)).toContain('screen_event');
  });
});

describe('hands-free on an Echo Show', () => {
  it('no card goes out while the audio plays; Now Playing shows the step', async () => {
    const rig = new HandsFreeRig({ store: new MemoryUserStore() });
    rig.device.screen = true;
    await rig.sayAll('open partner massage', 'turn on hands free mode', 'start foot massage');
    const ready = await rig.say('ready');
    const play = (ready.response?.response.directives ?? []).find((d) => d.type === 'AudioPlayer.Play');
    expect(play).toBeDefined();
    await rig.advance(30);
    const status = await rig.say('ask partner massage how much longer');
    expect(status.intent).toBe('StatusIntent');
    expect((status.response?.response.directives ?? []).map((d) => d.type)).not.toContain('AudioPlayer.Stop');
    for (const turn of [...rig.log, status]) {
      const types = (turn.response?.response.directives ?? []).map((d) => String(d.type));
      const playing = types.includes('AudioPlayer.Play') || turn.request?.request.type.startsWith('AudioPlayer.');
      if (playing) expect(types.filter((type) => type.startsWith('Alexa.Presentation.'))).toEqual([]);
    }
    // The question answered while it plays on carries no card either.
    expect(aplDirectives(status)).toEqual([]);
    expect(rig.log.some((turn) => turn.request?.request.type === 'AudioPlayer.PlaybackStarted')).toBe(true);
  });
});
