/**
 * One routine, played through the real handler on a simulated Echo with an audio player, the way a
 * couple would: spoken (the answers hold the steps; "yes" or "next" as each answer ends) or hands
 * free (the player holds the steps; in step-by-step flow "Alexa, next" as each step's audio ends).
 * Each line is said as the answer before it ends. The hands-free figures (hands-free.ts) drive it.
 */
import { parseAudioToken } from '../../lambda/audio/token';
import { catalogue } from '../../lambda/content';
import type { Routine, RoutineId } from '../../lambda/core/catalogue';
import type { Flow } from '../../lambda/core/preferences';
import type { UserStore } from '../../lambda/persistence/user-store';
import { DEFAULT_START_AT, SimulatedDevice, type SkillHandler, type Turn } from '../simulator/session-driver';
import { readSsml } from '../simulator/ssml-reader';

/** spoken: the answers hold the steps (hands-free mode off); handsFree: the audio player does. */
export type Delivery = 'spoken' | 'handsFree';

export interface RoutineSpec {
  readonly routineId: RoutineId;
  readonly delivery: Delivery;
  readonly flow: Flow;
}

/** What the simulated player needs from the audio: each stream's length (simulatorAudio gives it). */
export interface PlayerLengths {
  lengthOf(url: string): number | undefined;
}

/** More moves than any routine needs: a run that makes this many has stalled. */
const MAX_MOVES = 500;
const DAY_MS = 24 * 3600 * 1000;
const STEP_HEADING = /Step (\d+) of \d+\./g;

export function routineOf(id: RoutineId): Routine {
  const routine = catalogue.get(id);
  if (routine === undefined) throw new Error(`bench: no routine ${id}`);
  return routine;
}

export function describeSpec(spec: RoutineSpec): string {
  const flow = spec.flow === 'continuous' ? 'continuous' : 'step by step';
  return `${spec.delivery === 'handsFree' ? 'hands free' : 'spoken'}, ${flow}`;
}

/**
 * A returning user, as of the day before: hands-free mode and the flow set, the disclaimer, the
 * screening, the hands-free offer and the reminder offer heard. So a run counts only what the
 * routine itself costs.
 */
export async function seedReturningUser(store: UserStore, userId: string, spec: RoutineSpec): Promise<void> {
  const at = DEFAULT_START_AT - DAY_MS;
  await store.save(userId, {
    id: `bench-seed-${userId}`,
    preferences: {
      handsFree: { value: spec.delivery === 'handsFree' ? 'on' : 'off', at },
      flow: { value: spec.flow, at },
    },
    disclaimerHeard: true,
    screeningHeard: true,
    handsFreeOffered: true,
    reminderOffered: true,
  });
}

/** Where each step heading starts in a spoken answer (seconds), and where the last step's content ends. */
export interface SpokenSteps {
  readonly headings: readonly { readonly stepIndex: number; readonly at: number }[];
  /** The end of the answer's last silence: the prompt after it ("Ready for step 3?") is no step's content. */
  readonly contentEnd: number;
}

/**
 * Reads a spoken answer's steps from its SSML as the simulator times it: a step runs from its
 * heading ("Step 2 of 7.") to the next, the last one to the end of the answer's last silence.
 */
export function spokenSteps(ssml: string): SpokenSteps {
  const headings: { stepIndex: number; at: number }[] = [];
  let clock = 0;
  let contentEnd = 0;
  for (const segment of readSsml(ssml).segments) {
    if (segment.kind === 'speech') {
      const words = segment.text.split(/\s+/).length;
      for (const match of segment.text.matchAll(STEP_HEADING)) {
        const before = segment.text.slice(0, match.index).split(/\s+/).filter(Boolean).length;
        headings.push({ stepIndex: Number(match[1]) - 1, at: clock + (segment.seconds * before) / words });
      }
    }
    clock += segment.seconds;
    if (segment.kind === 'pause') contentEnd = clock;
  }
  return { headings, contentEnd };
}

export class RoutineRun {
  readonly device: SimulatedDevice;
  readonly routine: Routine;
  /** Everything the device sent, in order: the user's lines, the player's events, session ends. */
  readonly turns: Turn[] = [];
  /** When step 1 began: the answer to "ready" (spoken) or step 1's PlaybackStarted (hands free). */
  startedAt: number | undefined;
  /** When the last step's content ended (its audio, or its part of the spoken answer). */
  endedAt: number | undefined;
  /** The routine reached its end: the closing was said, or the last step's audio finished. */
  done = false;
  /** Why the run stopped short of the end. */
  problem: string | undefined;
  /** The last answer that spoke a step, while it is the last answer. */
  speaking: Turn | undefined;
  /** When the last answer's speech ends (epoch ms). */
  private speechEndsAt = 0;

  constructor(
    handler: SkillHandler,
    audio: PlayerLengths,
    readonly spec: RoutineSpec,
    userId: string,
  ) {
    this.routine = routineOf(spec.routineId);
    this.device = new SimulatedDevice({ handler, userId, audioPlayer: true, player: { lengthOf: audio.lengthOf } });
  }

  /** "Open partner massage", "start foot massage", "ready", each as the answer before it ends. */
  async start(): Promise<void> {
    for (const line of ['open partner massage', `start ${this.routine.name}`, 'ready']) {
      await this.passTo(this.speechEndsAt);
      const turn = await this.say(line);
      if (!turn.response) this.fail(`"${line}" got no answer`);
    }
    // Hands free, step 1 begins once "ready"'s answer has been spoken.
    for (let moves = 0; moves < 5 && this.startedAt === undefined && this.problem === undefined; moves += 1) {
      const due = this.device.player?.nextDueAt();
      if (due === undefined) break;
      await this.passTo(due);
    }
    if (this.startedAt === undefined) this.fail('step 1 did not begin after "ready"');
  }

  /** Says a line now; every turn it and the player cause is recorded. */
  async say(line: string): Promise<Turn> {
    const turn = await this.device.say(line);
    this.note([turn, ...this.device.takeEvents()]);
    return turn;
  }

  /** Lets time pass to `at` (epoch ms); what the device does meanwhile is recorded. */
  async passTo(at: number): Promise<void> {
    this.note(await this.device.advance(Math.max(0, at - this.device.clock) / 1000));
  }

  /** Goes on with the routine, as the user would, up to `at` (epoch ms) or its end or a problem. */
  async until(at: number): Promise<void> {
    for (let moves = 0; !this.done && this.problem === undefined; moves += 1) {
      if (moves > MAX_MOVES) return this.fail('the run did not settle');
      const next = this.spec.delivery === 'spoken' ? this.spokenReply() : this.playerNext();
      if (next === undefined) return;
      if (next.at > at) return this.passTo(at);
      await this.passTo(next.at);
      if (next.line !== undefined) this.check(next.line, await this.say(next.line));
    }
  }

  /**
   * The variant with one break in the middle: "Alexa, pause", then more pressure, then on. Spoken,
   * the pause ends the session, so more pressure is asked by name, then resume and ready; hands
   * free, the pause opens a session in which more pressure goes on playing, firmer, at the point.
   */
  async pauseForMorePressure(): Promise<void> {
    const lines =
      this.spec.delivery === 'spoken'
        ? ['pause', 'ask partner massage for more pressure', 'resume', 'ready']
        : ['pause', 'more pressure'];
    for (const line of lines) {
      await this.passTo(this.speechEndsAt);
      const turn = await this.say(line);
      if (!turn.response) return this.fail(`"${line}" got no answer`);
    }
  }

  /** The spoken flows: "yes" (continuous) or "next" (step by step) as the answer ends. */
  private spokenReply(): { at: number; line: string } | undefined {
    if (!this.device.sessionOpen) {
      this.fail('the session ended before the routine did');
      return undefined;
    }
    const line = this.spec.flow === 'continuous' ? 'yes' : 'next';
    return { at: Math.max(this.device.clock, this.speechEndsAt), line };
  }

  /** Hands free: the player's next event, or "Alexa, next" once a step's audio has finished (step by step). */
  private playerNext(): { at: number; line?: string } | undefined {
    const player = this.device.player;
    const due = player?.nextDueAt();
    if (due !== undefined) return { at: due };
    if (player?.activity === 'FINISHED' && this.spec.flow === 'stepByStep')
      return { at: this.device.clock, line: 'next' };
    this.fail(`the player is ${player?.activity ?? 'missing'} and nothing is due`);
    return undefined;
  }

  /** A reply must go on with the routine: a step spoken, a step played, or the end. */
  private check(line: string, turn: Turn): void {
    if (this.done || this.problem !== undefined) return;
    const plays = (turn.response?.response.directives ?? []).some((d) => d.type === 'AudioPlayer.Play');
    const spoken = turn.text.includes('Step ');
    if (this.spec.delivery === 'spoken' ? spoken : plays) return;
    const after = this.lastStepHeard();
    this.fail(`"${line}" after step ${after + 1} answered "${turn.text.slice(0, 100)}"`);
  }

  /** The step the routine last reached, for messages. */
  private lastStepHeard(): number {
    let step = 0;
    for (const turn of this.turns) {
      const token = turn.event?.token;
      const item = token === undefined ? undefined : parseAudioToken(token);
      if (item !== undefined) step = Math.max(step, item.stepIndex);
      for (const match of turn.text.matchAll(STEP_HEADING)) step = Math.max(step, Number(match[1]) - 1);
    }
    return step;
  }

  private fail(problem: string): void {
    this.problem ??= problem;
  }

  private note(turns: readonly Turn[]): void {
    const last = this.routine.steps.length - 1;
    for (const turn of turns) {
      this.turns.push(turn);
      if (turn.error !== undefined) this.fail(`${turn.line}: ${turn.error}`);
      const event = turn.event;
      if (event !== undefined) {
        const item = parseAudioToken(event.token);
        if (event.type === 'AudioPlayer.PlaybackStarted' && item?.stepIndex === 0) this.startedAt ??= event.at;
        if (event.type === 'AudioPlayer.PlaybackFinished' && item?.stepIndex === last) {
          this.endedAt = event.at;
          this.done = true;
        }
        continue;
      }
      if (turn.request === undefined || turn.at === undefined) continue;
      if (turn.request.request.type === 'SessionEndedRequest') continue;
      this.speechEndsAt = turn.at + turn.seconds * 1000;
      this.speaking = turn.ssml?.includes('Step ') ? turn : undefined;
      if (turn.ssml !== undefined && this.speaking !== undefined) {
        const steps = spokenSteps(turn.ssml);
        if (steps.headings.some((h) => h.stepIndex === 0)) this.startedAt ??= turn.at;
        if (steps.headings.some((h) => h.stepIndex === last)) this.endedAt = turn.at + steps.contentEnd * 1000;
      }
      if (turn.text.includes(this.routine.closing)) this.done = true;
    }
  }
}
