/** The coach's one entry point. */
import type { Catalogue } from '../catalogue';
import type { CoachEvent } from '../events';
import { isTimeZone } from '../local-time';
import { speech } from '../pacing';
import { type PlayerPlace, STEP_START } from '../player';
import type { Preferences } from '../preferences';
import type { UserProfile } from '../profile';
import type { Wording } from '../wording';
import { type DecideInput, Draft } from './draft';
import { minutesHeard } from './joined';
import { fitProfile } from './paused-place';
import type { Decision, Plan } from './plan';
import type { CoachState, Mode } from './state';
import { COACH_TABLE, type EventType, type Transition } from './table';

/**
 * Decides one turn: what to say, the next state, the profile change and the effects.
 *
 * - Pure: the same input gives the same decision; time, the update id, the catalogue and the
 *   wording come in through `input`, and nothing is read or written outside it.
 * - Idempotent saves: every profile change of the turn carries `input.updateId`, so a store that
 *   has applied that id already (a retried request) applies nothing twice.
 * - Effects are requests, not deeds: `deleteProfile` asks the caller to delete the user's data and
 *   carries the plan to answer with if that fails; `planIfSaveFails` is the answer to give if
 *   saving `update` fails. The caller carries them out and picks the plan; it decides nothing.
 * - Untrusted state is welcome: a state naming a routine the catalogue lacks, or a step out of
 *   range, is brought back to something meaningful before the table is consulted; so is a paused
 *   place whose routine has gained or lost steps since (see `fitPlace`).
 */
export function decide(input: DecideInput): Decision {
  const player = playerOfOurs(input.player, input.catalogue);
  const profile = fitProfile(knownPreferences(input, player), input.catalogue);
  const state = fromPlayer(fitToCatalogue(input.state, input.catalogue), input, profile, player);
  const { player: _reported, ...rest } = input;
  const draft = new Draft({ ...rest, profile, ...(player ? { player } : {}) });
  draft.audioFailed = player !== undefined && failedHere(profile, player);
  if (input.timeZone !== undefined && isTimeZone(input.timeZone)) draft.knowTimeZone(input.timeZone);
  // The table's type pairs each event with its own transitions; TypeScript cannot follow that
  // correlation through an index, so the one cell looked up here is widened once.
  const event = meantEvent(input.event, input.catalogue);
  const row = COACH_TABLE[event.type] as Readonly<Record<Mode, Transition<Mode, EventType>>>;
  const transition = row[state.mode];
  return transition(draft, state, event as never);
}

/**
 * What a request to start a routine means when its words name a warning sign or a concern: "a bad
 * headache please" heard as a routine's name is a warning sign, answered by its tier wherever it is
 * said, even if the slot also resolved to a routine; "swollen feet please", said alone, is the
 * everyday concern with its screening line. A routine's exact name is always the routine. Words
 * the concern slot could not resolve are looked through the same way.
 */
function meantEvent(event: CoachEvent, catalogue: Catalogue): CoachEvent {
  const unresolved = event.type === 'helpWith' && event.concern === undefined;
  if ((event.type !== 'start' && !unresolved) || event.heard === undefined) return event;
  const heard = catalogue.heardConcern(event.heard);
  if (heard?.kind === 'sign') return { type: 'warningSign', sign: heard.sign };
  if (heard?.kind === 'concern' && (event.type === 'helpWith' || event.routineId === undefined)) {
    return { type: 'helpWith', concern: heard.concern };
  }
  // "Twenty minutes tonight" reaches the skill as a routine's name ("ten minutes tonight" is one, so
  // the model cannot have a "{duration} tonight" sample): a length of time that names no routine
  // exactly is a joined session.
  const minutes = event.type === 'start' && event.routineId === undefined ? minutesHeard(event.heard) : undefined;
  if (minutes !== undefined && catalogue.findByName(event.heard) === undefined) return { type: 'longSession', minutes };
  return event;
}

/**
 * Drops a routine the catalogue no longer has, and a step out of range; a timeline naming steps the
 * routine lacks cannot say where she was, so it reads as played out. (The paused place in the
 * profile is fitted by `fitProfile`.)
 */
function fitToCatalogue(state: CoachState, catalogue: Catalogue): CoachState {
  if (state.mode === 'menu' || state.mode === 'labour') return state;
  const routine = catalogue.get(state.routineId);
  if (routine === undefined) return { mode: 'menu' };
  const steps = routine.steps.length;
  const { stepIndex } = state.resumeAt;
  const fitted = stepIndex < 0 || stepIndex > steps ? { ...state, resumeAt: { stepIndex: 0, offset: 0 } } : state;
  if (fitted.mode !== 'routine' || fitted.played.spans.every(([step]) => step < steps)) return fitted;
  return { ...fitted, played: { ...fitted.played, spans: [] } };
}

/**
 * When the store could not be read, the preferences are unknown; while the player holds one of the
 * skill's items, its token says the step variant and flow she had, so the routine goes on as it was
 * playing (as the player's own reports do), not in the defaults.
 */
function knownPreferences(input: DecideInput, player: PlayerPlace | undefined): UserProfile {
  const profile = input.profile;
  if (input.profileUnread !== true || player === undefined) return profile;
  const { variant, flow } = player.item;
  return { ...profile, preferences: { ...profile.preferences, ...variant, flow } };
}

/** The player's item, when it names a routine and step the catalogue has. */
function playerOfOurs(player: PlayerPlace | undefined, catalogue: Catalogue): PlayerPlace | undefined {
  if (player === undefined) return undefined;
  const routine = catalogue.get(player.item.routineId);
  return routine !== undefined && player.item.stepIndex < routine.steps.length ? player : undefined;
}

/**
 * A session that opens while the player holds one of the skill's routines (a command said without
 * the skill's name, "Alexa, open partner massage") starts in that routine, where the player is,
 * unless the saved place changed to something else after the item was issued: a routine cancelled,
 * finished or paused elsewhere since then is not brought back. When the store could not be read,
 * the player alone says where she is.
 */
function fromPlayer(
  state: CoachState,
  input: DecideInput,
  profile: UserProfile,
  player: PlayerPlace | undefined,
): CoachState {
  if (player === undefined || input.newSession !== true || state.mode !== 'menu') return state;
  const { item } = player;
  const paused = profile.paused;
  const finished = player.activity === 'finished';
  // The item's own reports keep its step as the place, and, once it finished in step-by-step flow,
  // the step after it: neither is a change made elsewhere.
  const sameStep =
    paused !== null &&
    paused.routineId === item.routineId &&
    (paused.stepIndex === item.stepIndex || (finished && paused.stepIndex === item.stepIndex + 1));
  if (profile.pausedAt > item.issuedAt && !sameStep) return state;
  return {
    mode: 'audio',
    routineId: item.routineId,
    resumeAt: finished
      ? { stepIndex: item.stepIndex + 1, offset: 0 }
      : { stepIndex: item.stepIndex, offset: player.offset },
    point: finished ? STEP_START : player.point,
  };
}

/** The device could not play this step's audio (the saved place says so, after the item was issued). */
function failedHere(profile: UserProfile, player: PlayerPlace): boolean {
  const paused = profile.paused;
  return (
    paused?.audioFailed === true &&
    paused.routineId === player.item.routineId &&
    paused.stepIndex === player.item.stepIndex &&
    profile.pausedAt >= player.item.issuedAt
  );
}

/**
 * The answer of last resort, when a turn failed before it could decide: an apology that keeps the
 * microphone open. Rendered like any other plan.
 */
export function apologyPlan(wording: Pick<Wording, 'error' | 'errorReprompt'>, prefs: Preferences): Plan {
  return {
    segments: [speech(wording.error, 'answer', prefs)],
    listen: true,
    reprompt: wording.errorReprompt,
    endSession: false,
  };
}
