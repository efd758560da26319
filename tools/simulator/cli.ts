/**
 * npm start — talk to the skill from a terminal. Each typed line becomes a real request envelope,
 * resolved against interaction-models/<locale>.json and sent to the same skill Lambda runs, with
 * the same DynamoDB store pointed at an embedded dynalite server whose data lives on disk (or, with
 * --memory, a throwaway in-memory store), and the skill's own client for Alexa's settings and
 * reminders APIs pointed at a loopback stand-in of them (tools/alexa-api/stand-in.ts). The clock
 * model is described in session-driver.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, type WriteStream } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { AlexaApi } from '../../lambda/alexa-api';
import type { AudioSource } from '../../lambda/audio/source';
import { ROUTINES } from '../../lambda/content';
import { isTimeZone } from '../../lambda/core/local-time';
import { countWords, WORDS_PER_SECOND } from '../../lambda/core/speech-estimate';
import type { AlexaApiStandIn, StandInFault, StandInRoute } from '../alexa-api/stand-in';
import { describeCard, readCard } from './apl-card';
import type { PlayerSnapshot } from './audio-player';
import { describeToken, type SimulatorAudio, simulatorAudio } from './audio-source';
import { PLAYBACK_BUTTONS, type PlaybackButton } from './envelope';
import { MODELS_DIR } from './interaction-model';
import {
  describeDeviceTurn,
  describeDirectives,
  describePlayer,
  minutesAndSeconds,
  nowPlaying,
  type RoutineInfo,
} from './player-text';
import { RealtimeAudio } from './realtime-audio';
import {
  askForPermission,
  REMINDERS_SCOPE,
  renderedCard,
  SimulatedDevice,
  type SkillHandler,
  type Turn,
} from './session-driver';
import { formatSeconds, readOutputSpeech, type Segment } from './ssml-reader';

const USAGE = `Usage: npm start -- [options]

Talk to Partner Massage Coach as if to an Echo. Type what you would say; lines starting with "/"
are simulator commands (/help lists them). Reads a script with --script, or lines piped to stdin.

Options:
  --data-dir DIR   where the local DynamoDB (dynalite) keeps its data
                   (default: $XDG_DATA_HOME/partner-massage-coach or ~/.local/share/partner-massage-coach)
  --memory         use a throwaway in-memory store instead
  --user NAME      who is talking; each name is its own Alexa user (default: partner)
  --script FILE    read the lines from FILE
  --json           print each request and response as one JSON line
  --realtime       play the answers back in real time: silences as progress bars, speech through
                   espeak-ng when it is installed; in a terminal, typing a line interrupts. On
                   /device audio the player runs in real time too: the rendered MP3 through mpg123,
                   ffplay or mpv when build/audio and one of them are there, else a progress line
  --locale LOCALE  interaction model and request locale (default: en-US)
  --time-zone ZONE the simulated Echo's time zone, an IANA name such as Europe/London
                   (default: this machine's, ${machineTimeZone()})
  --help           show this
`;

const COMMANDS = `Commands:
  /new-session        end the session (as walking away or "Alexa, stop" to the device would)
  /wait SECONDS       let time pass before the next line (the mic may close meanwhile)
  /device screen      pretend to be an Echo Show: the skill's card is printed after each answer
                      (its buttons in [brackets]), and the session stays open without the mic
  /touch BUTTON       touch a button of the card on screen: pause, next, back, lighter, hurts,
                      resume, carryOn, stop, or start ROUTINE on the menu (e.g. /touch start foot)
  /device voice       pretend to be a voice-only Echo (the default)
  /device audio       pretend to be an Echo with an audio player (hands-free mode plays there)
  /player             what the audio player holds: the step, offset, activity and queue
  /button play|pause|next|previous
                      press a playback button (PlaybackController, to the skill that played last)
  /fail [ERROR_TYPE]  make the playing stream fail (PlaybackFailed; default
                      MEDIA_ERROR_SERVICE_UNAVAILABLE)
  /status             the routine, step, preferences and simulated time
  /reminders          the reminders the skill has set at Alexa (the local stand-in of her APIs)
  /time-zone ZONE     change the Echo's time zone (an IANA name). The skill keeps the zone it read
                      in her profile for 30 days, so it hears the change only after that
                      (/wait 2592000) or for a new user (--user NAME, or --memory)
  /permission grant|revoke
                      give or take back the reminders permission, as in the Alexa app
  /fault ROUTE hang|500|403|reset [TIMES]
                      make the next call (or TIMES calls) to Alexa's API fail; ROUTE is settings,
                      createReminder, updateReminder, deleteReminder or listReminders
  /quit               end the session and leave
When the skill asks for a permission, Alexa asks you herself: answer yes (or "I approve", "allow")
or no; /wait until her mic closes leaves it unanswered.
Lines starting with # are comments.`;

const FAULT_ROUTES: readonly StandInRoute[] = [
  'settings',
  'createReminder',
  'updateReminder',
  'deleteReminder',
  'listReminders',
];

/** A fault as typed after /fault: hang, reset, or an HTTP status. */
function faultOf(word: string | undefined): StandInFault | undefined {
  if (word === 'hang') return { kind: 'hang' };
  if (word === 'reset') return { kind: 'reset' };
  if (word === 'malformed') return { kind: 'malformed' };
  if (word !== undefined && /^[45]\d\d$/.test(word)) return { kind: 'status', status: Number(word) };
  return undefined;
}

/** This machine's time zone, the simulated Echo's unless --time-zone says otherwise. */
function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const TABLE_NAME = 'partner-massage-local';

interface Options {
  dataDir: string;
  memory: boolean;
  user: string;
  script: string | undefined;
  json: boolean;
  realtime: boolean;
  locale: string;
  timeZone: string;
}

function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'partner-massage-coach');
}

function parseOptions(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      memory: { type: 'boolean', default: false },
      user: { type: 'string', default: 'partner' },
      script: { type: 'string' },
      json: { type: 'boolean', default: false },
      realtime: { type: 'boolean', default: false },
      locale: { type: 'string', default: 'en-US' },
      'time-zone': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  return {
    dataDir: resolvePath(values['data-dir'] ?? defaultDataDir()),
    memory: values.memory ?? false,
    user: values.user ?? 'partner',
    script: values.script,
    json: values.json ?? false,
    realtime: values.realtime ?? false,
    locale: values.locale ?? 'en-US',
    timeZone: values['time-zone'] ?? machineTimeZone(),
  };
}

/** The locales that have an interaction model: the names of interaction-models/*.json. */
function modelLocales(): string[] {
  return readdirSync(MODELS_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

/** The Alexa userId for a simulator user name. */
function userIdFor(name: string): string {
  return `amzn1.ask.account.sim-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The simulated Echo of a simulator user, and the access token Alexa gives the skill for that user. */
function deviceFor(name: string): { deviceId: string; apiAccessToken: string } {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return { deviceId: `amzn1.ask.device.sim-${safe}`, apiAccessToken: `sim-access-token.${safe}` };
}

/** The skill's client for Alexa's APIs, allowed to send the token to the loopback stand-in only. */
async function standInClient(endpoint: string): Promise<AlexaApi> {
  const { createAlexaApi } = await import('../../lambda/alexa-api/index.js');
  const allowed = new URL(endpoint);
  return createAlexaApi({
    allowEndpoint: (url) => url.hostname === '127.0.0.1' && url.origin === allowed.origin,
  });
}

// ---- output ---------------------------------------------------------------------------------

const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const dim = (text: string) => (colour ? `\x1b[2m${text}\x1b[22m` : text);

/** Wraps `text` to the terminal width; continuation lines are indented to line up after the prefix. */
function wrap(prefix: string, text: string): string {
  const width = Math.max(40, Math.min(process.stdout.columns || 100, 120));
  const indent = ' '.repeat(prefix.length);
  const lines: string[] = [];
  let line = prefix;
  let lineHasWord = false;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (lineHasWord && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line += (lineHasWord ? ' ' : '') + word;
    }
    lineHasWord = true;
  }
  lines.push(line);
  return lines.join('\n');
}

function describe(turn: Turn, info?: RoutineInfo): string {
  const parts: string[] = [];
  if (turn.intent !== undefined) {
    const request = turn.request?.request as { intent?: { slots?: Record<string, unknown> } } | undefined;
    const slots = Object.entries(request?.intent?.slots ?? {})
      .map(([name, slot]) => {
        const s = slot as {
          value?: string;
          resolutions?: { resolutionsPerAuthority?: { values?: { value?: { id?: string } }[] }[] };
        };
        if (s.value === undefined) return undefined;
        // A built-in slot type (a number, a duration) has no entity resolution: its value is what counts.
        if (s.resolutions === undefined) return `${name}="${s.value}"`;
        const id = s.resolutions.resolutionsPerAuthority?.[0]?.values?.[0]?.value?.id;
        return `${name}=${id ?? `"${s.value}" (no match)`}`;
      })
      .filter(Boolean);
    parts.push([turn.intent, ...slots].join(' '));
  } else if (turn.request) {
    const request = turn.request.request as { type: string; payload?: { status?: unknown } };
    // Alexa's answer to the permission question: what the user said to her.
    const answer = request.type === 'Connections.Response' ? request.payload?.status : undefined;
    parts.push(typeof answer === 'string' ? `${request.type} ${answer}` : request.type);
  }
  parts.push(`≈ ${formatSeconds(turn.seconds)} s`);
  parts.push(...describeDirectives(turn.response?.response.directives, info));
  const ask = askForPermission(turn.response?.response.directives);
  if (ask !== undefined)
    parts.push(ask.scope === REMINDERS_SCOPE ? 'AskFor reminders permission' : `AskFor ${ask.scope}`);
  if (renderedCard(turn.response?.response.directives) !== undefined) parts.push('card');
  if (turn.sessionEnded) parts.push('session ended');
  else if (turn.listening) parts.push('mic open');
  else parts.push('session open, mic closed');
  if (turn.reprompt) parts.push(`reprompt: ${turn.reprompt}`);
  return `(${parts.join(' · ')})`;
}

/** The card a turn's answer put on the screen, as a few lines; none when it sent no card. */
function cardLines(turn: Turn): string[] {
  const card = renderedCard(turn.response?.response.directives);
  if (card === undefined) return [];
  try {
    return describeCard(readCard(card)).map((line, index) => wrap(index === 0 ? 'screen> ' : '        ', line));
  } catch (error) {
    return [`screen> (the card cannot be read: ${error instanceof Error ? error.message : String(error)})`];
  }
}

// ---- real-time playback ---------------------------------------------------------------------

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((done) => {
    if (signal.aborted) return done();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      done();
    });
  });

/** Like sleep, for a loop that waits many times on one signal: it leaves no listener behind. */
const tick = (ms: number, signal: AbortSignal) =>
  new Promise<void>((done) => {
    if (signal.aborted) return done();
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      done();
    };
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish);
  });

function hasEspeak(): boolean {
  return spawnSync('which', ['espeak-ng'], { stdio: 'ignore' }).status === 0;
}

async function speakSegment(text: string, seconds: number, espeak: boolean, signal: AbortSignal): Promise<void> {
  if (!espeak) return sleep(seconds * 1000, signal);
  const wordsPerMinute = Math.round(seconds > 0 ? (countWords(text) / seconds) * 60 : WORDS_PER_SECOND * 60);
  return new Promise<void>((done) => {
    const child = spawn('espeak-ng', ['-s', String(wordsPerMinute), text], { stdio: 'ignore' });
    const stop = () => child.kill();
    signal.addEventListener('abort', stop);
    child.on('exit', () => {
      signal.removeEventListener('abort', stop);
      done();
    });
    child.on('error', () => done());
  });
}

async function pauseBar(seconds: number, signal: AbortSignal): Promise<void> {
  const label = `[pause ${formatSeconds(seconds)} s]`;
  if (!process.stdout.isTTY) {
    process.stdout.write(`${label}\n`);
    return sleep(seconds * 1000, signal);
  }
  const width = 30;
  const start = Date.now();
  while (!signal.aborted) {
    const elapsed = Math.min(seconds, (Date.now() - start) / 1000);
    const filled = seconds > 0 ? Math.round((elapsed / seconds) * width) : width;
    process.stdout.write(
      `\r  ${dim(`[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.floor(elapsed)}/${formatSeconds(seconds)} s`)}`,
    );
    if (elapsed >= seconds) break;
    await sleep(250, signal);
  }
  process.stdout.write('\n');
}

/** Plays the turn's speech in real time; returns the seconds it played before it ended or was cut off. */
async function play(segments: readonly Segment[], espeak: boolean, signal: AbortSignal): Promise<number> {
  const start = Date.now();
  let first = true;
  for (const segment of segments) {
    if (signal.aborted) break;
    if (segment.kind === 'pause') {
      await pauseBar(segment.seconds, signal);
    } else {
      console.log(wrap(first ? 'alexa> ' : '       ', segment.text));
      first = false;
      await speakSegment(segment.text, segment.seconds, espeak, signal);
    }
  }
  if (first) console.log('alexa> (no speech)');
  if (signal.aborted) console.log(dim('  (interrupted)'));
  return (Date.now() - start) / 1000;
}

// ---- the store and the handler ----------------------------------------------------------------

interface Backend {
  handler: SkillHandler;
  /** The same skill and store, given rendered audio: what an audio device talks to. */
  audioHandler(audio: AudioSource): Promise<SkillHandler>;
  close(): Promise<void>;
  /** Where the skill's info logs go; undefined drops them. */
  log: WriteStream | undefined;
}

async function memoryBackend(alexaApi: AlexaApi): Promise<Backend> {
  const { createHandler } = await import('../../lambda/skill.js');
  const { MemoryUserStore } = await import('../../lambda/persistence/memory-store.js');
  const store = new MemoryUserStore();
  return {
    handler: createHandler({ store, alexaApi }),
    audioHandler: async (audio) => createHandler({ store, audio, alexaApi }),
    close: async () => {},
    log: undefined,
  };
}

async function dynaliteBackend(dataDir: string, alexaApi: AlexaApi): Promise<Backend> {
  mkdirSync(dataDir, { recursive: true });
  const { default: dynalite } = await import('dynalite');
  const server: Server = dynalite({ path: join(dataDir, 'dynalite'), createTableMs: 0 });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  process.env.TABLE_NAME = TABLE_NAME;
  process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${port}`;
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID ||= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ||= 'local';
  // Imported only now, so the store reads the environment set above, as the entry point's does. The
  // skill is built as lambda/index.ts builds it, but with a client for Alexa's APIs that may call the
  // loopback stand-in (the entry point's sends the token to Amazon's hosts only).
  const { createHandler } = await import('../../lambda/skill.js');
  const { createStoreFromEnv } = await import('../../lambda/persistence/dynamo-client.js');
  const store = createStoreFromEnv(process.env).store;
  const log = createWriteStream(join(dataDir, 'skill.log'), { flags: 'a' });
  return {
    handler: createHandler({ store, alexaApi }),
    // The same store, with the audio given.
    audioHandler: async (audio) => createHandler({ store, audio, alexaApi }),
    log,
    close: () =>
      new Promise<void>((done) => {
        // dynalite's close() also closes LevelDB, which flushes the data to disk.
        server.close(() => log.end(() => done()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Runs the handler with the skill's console logs (JSON lines) kept out of the conversation: info
 * lines go to the log file, warnings and errors to stderr, dimmed.
 */
function withSkillLogs(backend: Backend, handler: () => SkillHandler): SkillHandler {
  return async (event, context) => {
    const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
    const toFile = (...args: unknown[]) => backend.log?.write(`${args.map(String).join(' ')}\n`);
    const toStderr = (...args: unknown[]) => {
      toFile(...args);
      process.stderr.write(`${dim(`skill: ${args.map(String).join(' ')}`)}\n`);
    };
    console.log = toFile;
    console.info = toFile;
    console.warn = toStderr;
    console.error = toStderr;
    try {
      return await handler()(event, context);
    } finally {
      Object.assign(console, saved);
    }
  };
}

// ---- lines in ---------------------------------------------------------------------------------

/** Lines from a file, a pipe or the terminal, one at a time; `onArrival` hears each as it comes. */
class LineSource {
  private readonly lines: string[] = [];
  private ended = false;
  private waiting: (() => void) | undefined;
  onArrival: (() => void) | undefined;

  constructor(
    readonly rl: ReturnType<typeof createInterface> | undefined,
    preset?: string[],
  ) {
    if (preset) {
      this.lines.push(...preset);
      this.ended = true;
      return;
    }
    rl?.on('line', (line) => {
      this.lines.push(line);
      this.onArrival?.();
      this.waiting?.();
    });
    rl?.on('close', () => {
      this.ended = true;
      this.waiting?.();
    });
  }

  /** A line is waiting to be read. */
  get pending(): boolean {
    return this.lines.length > 0;
  }

  async next(): Promise<string | undefined> {
    for (;;) {
      const line = this.lines.shift();
      if (line !== undefined) return line;
      if (this.ended) return undefined;
      await new Promise<void>((done) => {
        this.waiting = done;
      });
      this.waiting = undefined;
    }
  }
}

// ---- main -------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(`${USAGE}\n${COMMANDS}`);
    return 0;
  }
  const locales = modelLocales();
  if (!locales.includes(options.locale)) {
    console.error(
      `--locale ${options.locale}: there is no interaction-models/${options.locale}.json; ` +
        `locales with a model: ${locales.join(', ')}`,
    );
    return 2;
  }

  const interactive = options.script === undefined && process.stdin.isTTY === true;
  let preset: string[] | undefined;
  try {
    preset = options.script === undefined ? undefined : readFileSync(options.script, 'utf8').split(/\r?\n/);
  } catch (error) {
    console.error(`cannot read the script: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  // The AWS SDK warns once per process that its releases from 2027 need Node 22. The Lambda runs
  // Node 22; the simulator runs on the developer's Node (20 or later), where the warning is noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (!isTimeZone(options.timeZone)) {
    console.error(`--time-zone ${options.timeZone}: not an IANA time zone (such as Europe/London)`);
    return 2;
  }
  let backend: Backend;
  let standIn: AlexaApiStandIn;
  try {
    const { startAlexaApiStandIn } = await import('../alexa-api/stand-in.js');
    standIn = await startAlexaApiStandIn();
    try {
      const alexaApi = await standInClient(standIn.endpoint);
      backend = options.memory ? await memoryBackend(alexaApi) : await dynaliteBackend(options.dataDir, alexaApi);
    } catch (error) {
      await standIn.close();
      throw error;
    }
  } catch (error) {
    console.error(`cannot start the skill: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const routines = new Map(ROUTINES.map((routine) => [routine.id as string, routine]));
  const routineInfo: RoutineInfo = (id) => {
    const routine = routines.get(id);
    return routine ? { name: routine.name, steps: routine.steps.length } : undefined;
  };
  // Audio mode: the render (or a timeline-only manifest) and the skill given it, on first /device audio.
  let audio: SimulatorAudio | undefined;
  let audioHandler: SkillHandler | undefined;
  const device: SimulatedDevice = new SimulatedDevice({
    handler: withSkillLogs(
      backend,
      (): SkillHandler => (device.audioPlayer && audioHandler ? audioHandler : backend.handler),
    ),
    userId: userIdFor(options.user),
    ...deviceFor(options.user),
    apiEndpoint: standIn.endpoint,
    permissionHost: standIn,
    locale: options.locale,
    routineInfo,
    player: { lengthOf: (url) => audio?.lengthOf(url) },
  });
  const espeak = options.realtime && hasEspeak();
  standIn.setTimeZone(deviceFor(options.user).deviceId, options.timeZone);

  const rl =
    options.script === undefined
      ? createInterface({ input: process.stdin, ...(interactive ? { output: process.stdout, prompt: 'you> ' } : {}) })
      : undefined;
  const source = new LineSource(rl, preset);

  if (interactive && !options.json) {
    const store = options.memory ? 'in memory' : `data in ${options.dataDir}`;
    console.log(dim(`Partner Massage Coach simulator (${store}, user ${options.user}).`));
    console.log(
      dim(
        `Say "open partner massage" or "ask partner massage to start foot massage"; /help for commands.\n` +
          `Each line interrupts Alexa right after she starts speaking, unless you /wait SECONDS first.`,
      ),
    );
  }

  let failed = false;
  const realAudio = options.realtime ? RealtimeAudio.find((url) => audio?.localFile(url)) : undefined;
  let progressShown = false;
  const endProgress = () => {
    if (progressShown) process.stdout.write('\n');
    progressShown = false;
  };
  /** A request the device sent on its own, a notice, or a timeout. */
  const showDeviceTurn = (turn: Turn) => {
    if (turn.error !== undefined) {
      failed = true;
      process.stderr.write(`error: ${turn.error}\n`);
    }
    if (options.json) {
      console.log(
        JSON.stringify(
          turn.request
            ? {
                line: turn.line,
                request: turn.request,
                response: turn.response ?? null,
                ...(turn.error ? { error: turn.error } : {}),
                ...(turn.alexaAsks ? { alexaAsks: turn.alexaAsks } : {}),
              }
            : { line: turn.line, notice: turn.text },
        ),
      );
      return;
    }
    endProgress();
    if (!turn.request) console.log(dim(`(${turn.text})`));
    else if (turn.request.request.type === 'SessionEndedRequest') console.log(dim(turn.line));
    else if (turn.request.request.type === 'Connections.Response') {
      // Alexa's question went unanswered: the skill hears it and answers aloud, like any answer.
      console.log(dim(turn.line));
      printAnswer(turn);
    } else {
      const at = new Date(turn.at ?? device.clock).toISOString().slice(11, 19);
      console.log(dim(`  ${at} ${describeDeviceTurn(turn, routineInfo)}`));
      if (turn.event?.type === 'AudioPlayer.PlaybackStarted' && turn.event.item) {
        console.log(nowPlaying(turn.event.item, routineInfo));
      }
    }
  };
  /** The turns, and whatever the device did on its own meanwhile, in the order they happened. */
  const showAll = async (...turns: (Turn | undefined)[]) => {
    const all = [...turns.filter((turn): turn is Turn => turn !== undefined), ...device.takeEvents()];
    all.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
    for (const turn of all) {
      // A line's turn has a session; what the device sent on its own (events, buttons, timeouts) has none.
      if (turns.includes(turn) && (turn.request === undefined || turn.request.session !== undefined)) {
        if (turn.request?.request.type === 'SessionEndedRequest') showDeviceTurn(turn);
        else await show(turn);
      } else showDeviceTurn(turn);
    }
  };
  const show = async (turn: Turn | undefined) => {
    if (!turn) return;
    if (turn.error !== undefined) {
      failed = true;
      process.stderr.write(`error: ${turn.error}\n`);
    }
    if (options.json) {
      const record = turn.request
        ? {
            line: turn.line,
            request: turn.request,
            response: turn.response ?? null,
            ...(turn.error ? { error: turn.error } : {}),
            ...(turn.alexaAsks ? { alexaAsks: turn.alexaAsks } : {}),
          }
        : { line: turn.line, notice: turn.text };
      console.log(JSON.stringify(record));
      return;
    }
    if (!turn.request) {
      console.log(dim(`(${turn.text})`));
      return;
    }
    if (turn.request.request.type === 'SessionEndedRequest') {
      console.log(dim(turn.line));
      return;
    }
    if (options.realtime && turn.response) {
      const segments = readOutputSpeech(turn.response.response.outputSpeech).segments;
      const interrupt = new AbortController();
      if (interactive) source.onArrival = () => interrupt.abort();
      const played = await play(segments, espeak, interrupt.signal);
      source.onArrival = undefined;
      console.log(dim(describe(turn, routineInfo)));
      for (const line of cardLines(turn)) console.log(line);
      if (turn.alexaAsks) console.log(wrap('Alexa: ', turn.alexaAsks));
      // The clock follows real time: the next line is spoken when it was typed (or the speech ended).
      for (const later of await device.advance(Math.max(0, played - 2))) showDeviceTurn(later);
      return;
    }
    printAnswer(turn);
  };
  /** An answer as text: the speech, what the response did, the card, and Alexa's own question. */
  function printAnswer(turn: Turn): void {
    console.log(wrap('alexa> ', turn.text || '(no speech)'));
    console.log(dim(describe(turn, routineInfo)));
    for (const line of cardLines(turn)) console.log(line);
    if (turn.alexaAsks) console.log(wrap('Alexa: ', turn.alexaAsks));
  }

  /** --realtime on an audio device: the player runs in real time until a line is typed or it stops. */
  const runPlayer = async () => {
    const busy = (snapshot: PlayerSnapshot | undefined) =>
      snapshot?.activity === 'PLAYING' && snapshot.heldUntil !== 'dialog';
    if (!options.realtime || !busy(device.player?.snapshot(device.clock)) || (interactive && source.pending)) return;
    const interrupt = new AbortController();
    if (interactive) source.onArrival = () => interrupt.abort();
    let last = Date.now();
    let lastLine = 0;
    for (;;) {
      const snapshot = device.player?.snapshot(device.clock);
      if (interrupt.signal.aborted || !busy(snapshot) || snapshot === undefined) break;
      if (realAudio?.canPlay(snapshot)) realAudio.follow(snapshot);
      else if (snapshot.item && snapshot.started && !options.json) {
        const length = snapshot.lengthMs === undefined ? '?' : minutesAndSeconds(snapshot.lengthMs);
        const line = `  ▶ ${describeToken(snapshot.item.token, routineInfo)} · ${minutesAndSeconds(snapshot.offsetMs)} of ${length}`;
        if (process.stdout.isTTY) {
          process.stdout.write(`\r${dim(line)}\x1b[K`);
          progressShown = true;
        } else if (Date.now() - lastLine >= 15_000) {
          console.log(dim(line));
          lastLine = Date.now();
        }
      }
      await tick(250, interrupt.signal);
      const now = Date.now();
      for (const turn of await device.advance((now - last) / 1000)) showDeviceTurn(turn);
      last = now;
    }
    realAudio?.stop();
    endProgress();
    source.onArrival = undefined;
  };

  const command = async (line: string): Promise<'quit' | undefined> => {
    const [name, ...args] = line.slice(1).trim().split(/\s+/);
    switch (name) {
      case 'quit':
      case 'exit':
        return 'quit';
      case 'new-session':
        await showAll(await device.newSession());
        if (!options.json) console.log(dim('(no session is open)'));
        return undefined;
      case 'wait': {
        const seconds = Number(args[0]);
        if (!Number.isFinite(seconds) || seconds < 0) {
          console.log(dim('usage: /wait SECONDS'));
          return undefined;
        }
        for (const turn of await device.advance(seconds)) showDeviceTurn(turn);
        return undefined;
      }
      case 'device': {
        const kind = args[0];
        if (kind !== 'screen' && kind !== 'voice' && kind !== 'audio') {
          console.log(dim('usage: /device screen|voice|audio'));
          return undefined;
        }
        if (kind === 'audio' && audio === undefined) {
          audio = simulatorAudio();
          audioHandler = await backend.audioHandler(audio.source);
          if (options.json) console.log(JSON.stringify({ line, notice: `audio: ${audio.description}` }));
          else console.log(dim(`(audio: ${audio.description})`));
        }
        device.screen = kind === 'screen';
        device.audioPlayer = kind === 'audio';
        const names = { screen: 'Echo Show', voice: 'voice-only Echo', audio: 'Echo with an audio player' };
        if (!options.json) console.log(dim(`(device: ${names[kind]}; applies to new requests)`));
        return undefined;
      }
      case 'player':
        await showAll();
        console.log(describePlayer(device.player?.snapshot(device.clock), routineInfo));
        return undefined;
      case 'button': {
        const button = args[0] as PlaybackButton;
        if (!PLAYBACK_BUTTONS.includes(button)) {
          console.log(dim(`usage: /button ${PLAYBACK_BUTTONS.join('|')}`));
          return undefined;
        }
        if (!device.audioPlayer) {
          console.log(dim('(this device has no playback buttons for the skill: /device audio first)'));
          return undefined;
        }
        await showAll(await device.press(button));
        return undefined;
      }
      case 'touch': {
        if (args.length === 0 || args[0] === '') {
          console.log(
            dim('usage: /touch BUTTON (pause, next, back, lighter, hurts, resume, carryOn, stop, start ROUTINE)'),
          );
          return undefined;
        }
        if (!device.screen) {
          console.log(dim('(this device has no screen: /device screen first)'));
          return undefined;
        }
        await showAll(await device.touch(args));
        return undefined;
      }
      case 'fail': {
        if (!device.audioPlayer) {
          console.log(dim('(not an audio device: /device audio first)'));
          return undefined;
        }
        const type = args[0] ?? 'MEDIA_ERROR_SERVICE_UNAVAILABLE';
        for (const turn of await device.failPlayback({ type, message: 'simulated by /fail' })) showDeviceTurn(turn);
        return undefined;
      }
      case 'status':
        await showAll();
        console.log(`${device.status()} · ${new Date(device.clock).toISOString().slice(11, 19)} UTC`);
        if (device.audioPlayer) console.log(describePlayer(device.player?.snapshot(device.clock), routineInfo));
        return undefined;
      case 'reminders': {
        await showAll();
        const { describeReminder } = await import('../alexa-api/stand-in.js');
        const kept = standIn.reminders();
        if (options.json) {
          console.log(JSON.stringify({ line, reminders: kept.map((reminder) => describeReminder(reminder)) }));
        } else if (kept.length === 0) console.log('No reminders.');
        else for (const reminder of kept) console.log(`reminder: ${describeReminder(reminder)}`);
        return undefined;
      }
      case 'time-zone': {
        const zone = args[0];
        if (zone === undefined || zone === '' || !isTimeZone(zone)) {
          console.log(dim('usage: /time-zone ZONE, an IANA time zone such as Europe/London'));
          return undefined;
        }
        standIn.setTimeZone(deviceFor(options.user).deviceId, zone);
        if (!options.json) {
          console.log(
            dim(`(the Echo's time zone is now ${zone}; the skill reads it again once the one it keeps is 30 days old)`),
          );
        }
        return undefined;
      }
      case 'permission': {
        const what = args[0];
        if (what !== 'grant' && what !== 'revoke') {
          console.log(dim('usage: /permission grant|revoke'));
          return undefined;
        }
        device.setPermission(what === 'grant');
        if (!options.json) {
          console.log(
            dim(`(reminders permission ${what === 'grant' ? 'granted' : 'taken back'}; applies to new requests)`),
          );
        }
        return undefined;
      }
      case 'fault': {
        const route = args[0] as StandInRoute;
        const fault = faultOf(args[1]);
        const times = args[2] === undefined ? 1 : Number(args[2]);
        if (!FAULT_ROUTES.includes(route) || fault === undefined || !Number.isInteger(times) || times < 1) {
          console.log(dim(`usage: /fault ${FAULT_ROUTES.join('|')} hang|500|403|reset [TIMES]`));
          return undefined;
        }
        standIn.fault(route, fault, times);
        if (!options.json) {
          const calls = times === 1 ? 'the next call' : `the next ${times} calls`;
          console.log(
            dim(
              `(${calls} to ${route} will ${args[1] === 'hang' ? 'hang' : args[1] === 'reset' ? 'drop the connection' : `answer ${args[1]}`})`,
            ),
          );
        }
        return undefined;
      }
      case 'help':
        console.log(COMMANDS);
        return undefined;
      default:
        console.log(dim(`unknown command /${name ?? ''}; /help lists them`));
        return undefined;
    }
  };

  const prompt = () => {
    if (interactive) rl?.prompt();
  };
  // Whoever reads the output went away (`npm start | head -1`): stop, close the store, exit 0.
  let readerGone = false;
  const onOutputError = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
    rl?.close();
  };
  process.stdout.on('error', onOutputError);
  process.stderr.on('error', onOutputError);
  try {
    prompt();
    for (;;) {
      const raw = await source.next();
      if (raw === undefined || readerGone) break;
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) {
        prompt();
        continue;
      }
      if (!interactive && !options.json) console.log(`you> ${line}`);
      if (line.startsWith('/')) {
        if ((await command(line)) === 'quit') break;
      } else {
        await showAll(await device.say(line));
      }
      await runPlayer();
      prompt();
    }
    if (device.sessionOpen && !readerGone) await showAll(await device.newSession());
  } finally {
    realAudio?.stop();
    rl?.close();
    await backend.close();
    await standIn.close();
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // The AWS SDK's sockets are closed with the server; this only guards against a stray handle.
    setTimeout(() => process.exit(code), 2_000).unref();
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
