/**
 * Joined sessions: "twenty minutes tonight" joins routines into one session of about that length
 * (the studies' partner massage ran 15–20 minutes, two or three times a week), with one opening,
 * announced moves between body areas and the position changes; "do another one" starts one more
 * routine, another than the ones just done.
 *
 * The routine under way holds `then`, the routines still to come; `Draft.result` keeps it on every
 * answer that stays in that routine (a step, a wait, "it hurts" and carry on). When the routine
 * ends, `finish` asks `nextInSession` for the next one. Stop, cancel, pause or no end the session
 * with the usual closing; a pause keeps its place, not the session ("do another one" goes on).
 *
 * Hands-free mode: the device's audio player ends the session when it takes a routine, so `then`
 * would be lost there. A joined session therefore only runs spoken. With hands-free mode on (on a
 * device that plays the skill's audio) it says so, plays the first routine hands free, and tells
 * her to say "do another one" when it ends; that picks the next routine honestly from her history.
 */
import { viewOf } from '../body';
import type { Routine, RoutineId } from '../catalogue';
import { normalisePhrase } from '../catalogue';
import type { CoachEvent } from '../events';
import { routineSeconds, type Segment } from '../pacing';
import type { Preferences } from '../preferences';
import { disclaimerOnce, screeningOnce, startRoutine, waiting } from './delivery';
import type { Draft } from './draft';
import { askToCarryOn, carryOn } from './going-on';
import { inLabour } from './labour';
import { keepRoutinePlace } from './moves';
import type { Decision } from './plan';
import { whereWasPlaying } from './position';
import type { CoachState, InRoutineState, RoutineState } from './state';

type EventOf<T extends CoachEvent['type']> = Extract<CoachEvent, { type: T }>;

/** "A longer session" with no length: the top of the studies' 15–20 minutes. */
export const DEFAULT_SESSION_MINUTES = 20;
/** Below this a single routine (or ten minutes tonight) serves better than a joined session. */
export const MIN_SESSION_MINUTES = 12;
/** Longer than this is a lot for her to hold positions through, late in pregnancy. */
export const MAX_SESSION_MINUTES = 40;

/**
 * The routines a session joins, in the order it plays them, so position changes are few and each
 * move is natural: hips and legs lying on her side first, then she sits up for lower back and
 * shoulders (both with the partner behind her), then she sits back with her feet up for the feet
 * and stays there for the hands. Feet come late, so the oil is wiped off only once she is done
 * moving about; the hands end it quietly, as ten minutes tonight ends.
 *
 * Left out: labour counter-pressure practice, which is for about 36 weeks on and rehearses labour
 * holds, not a relaxing massage; and ten minutes tonight, which is made of steps borrowed from the
 * hand, shoulders and foot routines, so joined with any of them it repeats steps, and alone it is
 * already its own short session.
 */
export const SESSION_ORDER: readonly RoutineId[] = ['hipsLegs', 'lowerBack', 'shouldersNeck', 'foot', 'hand'];

/** The routines she finished last time count as recent: a joined session is two or three of them. */
const RECENT_WINDOW = 3;

/** A recently done routine counts as this many seconds further from the length asked for. */
const RECENT_PENALTY_SECONDS = 150;

/** The length asked for, kept to the range a session is joined for. */
type Target = { minutes: number; bounded?: 'shortest' | 'longest' };

export function sessionTarget(minutes: number | undefined): Target {
  if (minutes === undefined || !Number.isFinite(minutes) || minutes <= 0) return { minutes: DEFAULT_SESSION_MINUTES };
  if (minutes < MIN_SESSION_MINUTES) return { minutes: MIN_SESSION_MINUTES, bounded: 'shortest' };
  if (minutes > MAX_SESSION_MINUTES) return { minutes: MAX_SESSION_MINUTES, bounded: 'longest' };
  return { minutes: Math.round(minutes) };
}

/**
 * The routines of a session about `minutes` long: two or more of `candidates` (in their order)
 * whose lengths add up closest to it, within the joined range, a routine among the last few done
 * counting as a little further off. Ties go to fewer routines, then to the earlier set.
 */
export function chooseRoutines(
  candidates: readonly Routine[],
  minutes: number,
  prefs: Preferences,
  recent: readonly RoutineId[],
): Routine[] {
  const target = minutes * 60;
  const lengths = candidates.map((routine) => routineSeconds(routine, prefs));
  const lately = new Set(recent.slice(-RECENT_WINDOW));
  let best: { picked: Routine[]; score: number; inRange: boolean } | undefined;
  for (let mask = 1; mask < 1 << candidates.length; mask += 1) {
    const picked = candidates.filter((_routine, i) => (mask & (1 << i)) !== 0);
    if (picked.length < 2 && candidates.length >= 2) continue;
    const total = lengths.reduce((sum, seconds, i) => ((mask & (1 << i)) !== 0 ? sum + seconds : sum), 0);
    const inRange = total >= MIN_SESSION_MINUTES * 60 && total <= MAX_SESSION_MINUTES * 60;
    const score =
      Math.abs(total - target) + RECENT_PENALTY_SECONDS * picked.filter((routine) => lately.has(routine.id)).length;
    const better =
      best === undefined ||
      (inRange && !best.inRange) ||
      (inRange === best.inRange &&
        (score < best.score || (score === best.score && picked.length < best.picked.length)));
    if (better) best = { picked, score, inRange };
  }
  return best?.picked ?? [];
}

/** The routines a session may join, as the catalogue has them, in session order. */
function sessionRoutines(draft: Draft): Routine[] {
  return SESSION_ORDER.map((id) => draft.routine(id)).filter((routine) => routine !== undefined);
}

function viewsOf(routine: Routine): Set<string> {
  return new Set(routine.steps.map((step) => viewOf(step.area)));
}

/**
 * "Another" routine: one not among `excluded`, the least recently done first (never done is
 * best), then one that works another part of her body than `after`, then in session order.
 */
export function anotherRoutine(
  candidates: readonly Routine[],
  recent: readonly RoutineId[],
  after: Routine | undefined,
  excluded: readonly RoutineId[] = [],
): Routine | undefined {
  const afterViews = after === undefined ? new Set<string>() : viewsOf(after);
  const sameView = (routine: Routine) => ([...viewsOf(routine)].some((view) => afterViews.has(view)) ? 1 : 0);
  const ranked = candidates
    .filter((routine) => !excluded.includes(routine.id) && routine.id !== after?.id)
    .map((routine, order) => ({ routine, key: [recent.lastIndexOf(routine.id), sameView(routine), order] }));
  ranked.sort((a, b) => a.key.reduce((found, value, i) => found || value - (b.key[i] ?? 0), 0));
  return ranked[0]?.routine;
}

/** Hands-free mode would hand the first routine to the audio player, which ends the session. */
function handsFreeOn(draft: Draft): boolean {
  return draft.input.canPlayAudio === true && draft.prefs.handsFree === 'on';
}

/** A routine's position and cautions, and the way to reach the skill while it talks. */
function setUp(draft: Draft, routine: Routine, invite: string): Segment[] {
  return [
    draft.say(routine.position, 'opening'),
    ...routine.cautions.map((caution) => draft.say(caution, 'opening')),
    draft.say(invite, 'opening'),
  ];
}

/** Waits for her to be ready for `routine`, with the routines still to come after it. */
function waitWithThen(draft: Draft, routine: Routine, then: readonly RoutineId[], before: Segment[]): Decision {
  const start = waiting(routine, { stepIndex: 0, offset: 0 }, draft.now);
  const state: RoutineState = then.length > 0 ? { ...start, then } : start;
  const lines = draft.lines;
  return draft.listen(state, [...before, draft.say(lines.whenReady, 'prompt')], lines.whenReadyReprompt);
}

/** "Twenty minutes tonight", in any mode: a routine under way keeps its place first. */
export function longSession(draft: Draft, state: CoachState, event: EventOf<'longSession'>): Decision {
  const { lines, prefs } = draft;
  const words = lines.sessions;
  if (state.mode === 'labour') return inLabour(draft, [draft.say(words.notInLabour)]);
  if (state.mode !== 'menu') keepPlaceOf(draft, state);
  const target = sessionTarget(event.minutes);
  const picked = chooseRoutines(sessionRoutines(draft), target.minutes, prefs, draft.profile.history.recentRoutines);
  const [first, ...rest] = picked;
  if (first === undefined) return draft.menu([]);
  const disclaimer = disclaimerOnce(draft);
  const invite = lines.openingInviteHandsFree;
  if (handsFreeOn(draft)) {
    const handsFree = [...disclaimer, draft.say(words.oneAtATimeHandsFree(first.name), 'opening')];
    return waitWithThen(draft, first, [], [...handsFree, ...screeningOnce(draft), ...setUp(draft, first, invite)]);
  }
  const bounds = { shortest: words.shortestIs, longest: words.longestIs };
  const names = picked.map((routine) => routine.name);
  const minutes = Math.round(picked.reduce((sum, routine) => sum + routineSeconds(routine, prefs), 0) / 60);
  const bounded = target.bounded === undefined ? [] : [(bounds[target.bounded] ?? words.longestIs)(minutes)];
  const opening = [
    ...disclaimer,
    ...bounded.map((line) => draft.say(line)),
    draft.say(words.opening(names, minutes), 'opening'),
    ...screeningOnce(draft),
    draft.say(lines.routineTitle(first.name), 'opening'),
    ...setUp(draft, first, lines.openingInvite),
  ];
  return waitWithThen(
    draft,
    first,
    rest.map((routine) => routine.id),
    opening,
  );
}

function keepPlaceOf(draft: Draft, state: InRoutineState): void {
  keepRoutinePlace(draft, state, whereWasPlaying(state, draft.now, draft.player), draft.routineOf(state));
}

/**
 * "Do another one". At the menu (and so right after a routine's closing): one more routine, with
 * its usual opening. During a spoken routine: it joins the session after this one (and any still
 * to come), so the massage under way is not broken off and she stays in position; the answer says
 * so and the routine goes on. As audio, where `then` cannot be kept, it switches as starting
 * another routine does, keeping this one's place.
 */
export function another(draft: Draft, state: CoachState, _event: EventOf<'another'>): Decision {
  const words = draft.lines.sessions;
  if (state.mode === 'labour') return inLabour(draft, [draft.say(words.notInLabour)]);
  const candidates = sessionRoutines(draft);
  const recent = draft.profile.history.recentRoutines;
  if (state.mode === 'menu') {
    const chosen = anotherRoutine(candidates, recent, draft.routine(recent[recent.length - 1]));
    if (chosen === undefined) return draft.menu([]);
    return withBefore(startRoutine(draft, chosen), [draft.say(words.another(chosen.name))]);
  }
  const current = draft.routineOf(state);
  const then = state.mode === 'audio' ? [] : (state.then ?? []);
  const last = draft.routine(then[then.length - 1]) ?? current;
  const chosen = anotherRoutine(candidates, recent, last, [current.id, ...then]);
  const heard = whereWasPlaying(state, draft.now, draft.player);
  if (chosen === undefined) return askToCarryOn(draft, state, heard, [draft.say(words.nothingMoreTonight)]);
  if (state.mode === 'audio') {
    keepRoutinePlace(draft, state, heard, current);
    return withBefore(startRoutine(draft, chosen), [draft.say(words.another(chosen.name))]);
  }
  const joined = laterAlso(then, chosen.id);
  const decided = carryOn(draft, { ...state, ...joined }, heard, [draft.say(words.comesNext(chosen.name))]);
  const after = decided.state;
  if ((after.mode !== 'routine' && after.mode !== 'halted') || after.routineId !== current.id) return decided;
  return { ...decided, state: { ...after, ...joined } };
}

/** The routines still to come, with one more at the end, as a state's field. */
function laterAlso(toCome: readonly RoutineId[], id: RoutineId): Pick<RoutineState, 'then'> {
  const then = [...toCome, id];
  return { then };
}

/** A decision with a line said before its own. */
function withBefore(decided: Decision, before: readonly Segment[]): Decision {
  return { ...decided, plan: { ...decided.plan, segments: [...before, ...decided.plan.segments] } };
}

/** Events after which a routine's end closes the whole session, with the routines to come dropped. */
const ENDING: ReadonlySet<CoachEvent['type']> = new Set(['stop', 'cancel', 'pause', 'no', 'wait', 'sessionEnded']);

/**
 * At the end of a routine of a joined session (its practice recorded already): its own closing
 * (which carries care that matters before she moves, such as oil off her feet), the move to the
 * next routine's first area, its position and cautions, and the wait for ready. Undefined when
 * nothing is to come, or she is stopping: `finish` closes as usual.
 */
export function nextInSession(draft: Draft, routine: Routine, before: readonly Segment[]): Decision | undefined {
  const state = draft.input.state;
  if ((state.mode !== 'routine' && state.mode !== 'halted') || state.routineId !== routine.id) return undefined;
  if (ENDING.has(draft.input.event.type)) return undefined;
  const toCome = (state.then ?? []).map((id) => draft.routine(id)).filter((next) => next !== undefined);
  const [next, ...rest] = toCome;
  const step = next?.steps[0];
  if (next === undefined || step === undefined) return undefined;
  const lines = draft.lines;
  const move = draft.say(lines.sessions.moveTo(next.name, lines.screen.areas[step.area]), 'opening');
  const segments = [...before, draft.say(routine.closing, 'closing'), move, ...setUp(draft, next, lines.openingInvite)];
  const later = rest.map((routine) => routine.id);
  return waitWithThen(draft, next, later, segments);
}

/** Words for a number of minutes, in English: "one" to "nineteen", and the tens. */
const SMALL_NUMBERS = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen'
  .concat(' fifteen sixteen seventeen eighteen nineteen')
  .split(' ');
const TENS = 'zero ten twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1],
  ['an', 1],
  ...SMALL_NUMBERS.map((word, n) => [word, n] as const),
  ...TENS.slice(2).map((word, n) => [word, (n + 2) * 10] as const),
]);

/** "Twenty", "twenty five", "25", "half an" (of an hour), as a number. */
function amountOf(words: string): number | undefined {
  if (/^\d+$/.test(words)) return Number(words);
  if (words === 'half an' || words === 'half a') return 0.5;
  const parts = words.split(' ').map((word) => NUMBER_WORDS.get(word));
  if (parts.length === 0 || parts.length > 2 || parts.some((part) => part === undefined)) return undefined;
  const [tens = 0, units = 0] = parts as number[];
  return parts.length === 2 && (tens < 20 || units >= 10) ? undefined : tens + units;
}

/**
 * A length of time heard as a routine's name ("twenty minutes tonight", "half an hour", "fifteen
 * minutes"), in minutes; undefined for anything else.
 */
const LENGTH_HEARD =
  /^(?:(?:for|about|around|roughly|maybe|just|only|a|lets do|do|we have|weve got) )*(.+?) (minutes?|mins?|hours?)( and a half)?(?: (?:tonight|today|now|please|session|massage|long|of massage|worth))*$/;

export function minutesHeard(heard: string): number | undefined {
  const found = LENGTH_HEARD.exec(normalisePhrase(heard));
  const amount = found?.[1] === undefined ? undefined : amountOf(found[1]);
  if (found === null || amount === undefined) return undefined;
  const minutes = (amount + (found[3] === undefined ? 0 : 0.5)) * (found[2]?.startsWith('hour') ? 60 : 1);
  return minutes > 0 ? Math.round(minutes) : undefined;
}
