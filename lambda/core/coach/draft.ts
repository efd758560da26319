/**
 * The decision being drafted for one turn: the inputs, the profile as it changes, and small
 * builders for the replies every transition ends with.
 */
import type { Catalogue, Routine, RoutineId } from '../catalogue';
import type { CoachEvent } from '../events';
import { type LocalClock, localClock, withOffsetAt } from '../local-time';
import { routineSeconds, type Segment, type SegmentRole, speech } from '../pacing';
import type { PlayerPlace } from '../player';
import type { Preferences } from '../preferences';
import {
  applyUpdate,
  combineUpdates,
  type KnownTimeZone,
  type PausedPlace,
  type PreferenceKey,
  type ProfileUpdate,
  TIME_ZONE_REFRESH_MS,
  type UserProfile,
} from '../profile';
import type { ReminderAction, ReminderRecord } from '../schedule';
import type { ScreenView } from '../screen';
import type { Wording } from '../wording';
import type { Decision, Effect, Plan } from './plan';
import { viewAfter } from './screen-view';
import type { CoachState } from './state';

/** Everything `decide` needs; time, ids, catalogue and wording are injected. */
export interface DecideInput {
  readonly state: CoachState;
  readonly profile: UserProfile;
  readonly event: CoachEvent;
  /** Epoch ms of the request's timestamp (when Alexa sent it; see SPEECH_TO_REQUEST_LAG_SECONDS). */
  readonly now: number;
  /** Id for this turn's profile update, if it makes one: applying it twice changes nothing. */
  readonly updateId: string;
  readonly catalogue: Catalogue;
  readonly wording: Wording;
  /** Changes from earlier turns that are not saved yet; they decide what a failed save says. */
  readonly unsaved?: ProfileUpdate;
  /** The device has an audio player and the skill has rendered audio to play on it. */
  readonly canPlayAudio?: boolean;
  /** Where the device's audio player is, when it holds an item of this skill's. */
  readonly player?: PlayerPlace;
  /** This is the session's first turn (a request said without the skill's name starts one). */
  readonly newSession?: boolean;
  /** The stored profile could not be read: `profile` holds the defaults, not what she chose. */
  readonly profileUnread?: boolean;
  /** The device's time zone, read from its settings this turn (an IANA name); kept in the profile. */
  readonly timeZone?: string;
  /** The user has granted the skill the reminders permission (the request says so). */
  readonly remindersPermitted?: boolean;
}

type Change = Omit<ProfileUpdate, 'id'>;

export class Draft {
  profile: UserProfile;
  private update: ProfileUpdate | undefined;
  /** What the move chose to show; null: nothing, the user is leaving. */
  private shown: ScreenView | null | undefined;
  private readonly effects: Effect[] = [];

  constructor(readonly input: DecideInput) {
    this.profile = input.profile;
  }

  get prefs(): Preferences {
    return this.profile.preferences;
  }

  get now(): number {
    return this.input.now;
  }

  private zoneNow: KnownTimeZone | undefined;

  /**
   * The profile's time zone with an offset that holds now (undefined: none known, UTC). An offset
   * worked out afresh (the kept one ran out, or there was none) is kept in the profile.
   */
  get zone(): KnownTimeZone | undefined {
    const kept = this.profile.timeZone ?? undefined;
    if (kept === undefined || kept === this.zoneNow) return kept;
    this.zoneNow = withOffsetAt(kept, this.now);
    if (this.zoneNow !== kept) this.record({ timeZone: this.zoneNow });
    return this.zoneNow;
  }

  /** The wall clock where she is: the profile's time zone, else UTC. */
  get clock(): LocalClock {
    return localClock(this.now, this.zone);
  }

  get lines(): Wording {
    return this.input.wording;
  }

  get catalogue(): Catalogue {
    return this.input.catalogue;
  }

  /** The player, when it holds a step of this skill's. */
  get player(): PlayerPlace | undefined {
    return this.input.player;
  }

  /** Set by "turn off hands free mode": this turn speaks, whatever the player holds. */
  speakOnly = false;

  /** Set when the device could not play this step's audio: this turn speaks, and says why. */
  audioFailed = false;

  /**
   * Whether a routine goes on as audio: on a device that plays the skill's audio, when hands-free
   * mode is on, or this routine was started hands free ("start foot massage hands free"), or the
   * player holds it already.
   */
  playsAudio(routineId: RoutineId): boolean {
    if (this.input.canPlayAudio !== true || this.speakOnly || this.audioFailed) return false;
    if (this.prefs.handsFree === 'on') return true;
    const before = this.input.state;
    if (before.mode === 'routine' && before.handsFree === true && before.routineId === routineId) return true;
    return this.player?.item.routineId === routineId;
  }

  routine(id: RoutineId | undefined): Routine | undefined {
    return id === undefined ? undefined : this.input.catalogue.get(id);
  }

  /** The routine a state names; `decide` has already dropped states whose routine is gone. */
  routineOf(state: { readonly routineId: RoutineId }): Routine {
    const routine = this.input.catalogue.get(state.routineId);
    if (routine === undefined) throw new Error(`routine ${state.routineId} is not in the catalogue`);
    return routine;
  }

  setPreference(key: PreferenceKey, value: string): void {
    this.record({ preferences: { [key]: { value, at: this.now } } });
  }

  /** Keeps the place with its step's id, so a later release that changes the routine still finds it. */
  setPaused(place: Omit<PausedPlace, 'at' | 'stepId'> | null): void {
    const stepId = place === null ? undefined : this.routine(place.routineId)?.steps[place.stepIndex]?.id;
    const kept = place === null ? null : { ...place, ...(stepId !== undefined ? { stepId } : {}), at: this.now };
    this.record({ paused: { place: kept, at: this.now } });
  }

  addPractice(routine: Routine): void {
    const minutes = Math.round(routineSeconds(routine, this.prefs) / 60);
    this.record({ practice: [{ routineId: routine.id, at: this.now, minutes }] });
  }

  heardDisclaimer(): void {
    this.record({ disclaimerHeard: true });
  }

  heardScreening(): void {
    this.record({ screeningHeard: true });
  }

  offeredHandsFree(): void {
    this.record({ handsFreeOffered: true });
  }

  /** Keeps the device's time zone, when it is new or different, as of now. */
  knowTimeZone(id: string): void {
    const known = this.profile.timeZone;
    if (known !== null && known.id === id && this.now - known.at < TIME_ZONE_REFRESH_MS) return;
    this.record({ timeZone: withOffsetAt({ id, at: this.now }, this.now) });
  }

  /** The reminder Alexa now holds for her (null: none). */
  setReminder(record: ReminderRecord | null): void {
    this.record({ reminder: { record, at: this.now } });
  }

  offeredReminder(): void {
    this.record({ reminderOffered: true });
  }

  /** Asks the caller to change the reminder; its outcome comes back as a `reminderDone` event. */
  requestReminder(action: ReminderAction): void {
    this.effects.push({ type: 'reminder', action });
  }

  deleteProfile(planIfFailed: Plan): void {
    this.effects.push({ type: 'deleteProfile', planIfFailed });
  }

  /**
   * Adds a change to this turn's update and applies just that change to the session's view of the
   * profile at once. The view keeps its applied ids: the store applies the whole update later.
   */
  private record(change: Change): void {
    const delta: ProfileUpdate = { id: this.input.updateId, ...change };
    this.profile = { ...applyUpdate(this.profile, delta), appliedUpdateIds: this.profile.appliedUpdateIds };
    this.update = combineUpdates(this.update, delta);
  }

  say(text: string, role: SegmentRole = 'answer'): Segment {
    return speech(text, role, this.prefs);
  }

  /** Speaks, then listens for an answer. */
  listen(state: CoachState, segments: readonly Segment[], reprompt: string): Decision {
    return this.result(state, { segments, listen: true, reprompt, endSession: false });
  }

  /** Speaks, then closes the session. */
  end(state: CoachState, segments: readonly Segment[]): Decision {
    return this.result(state, endPlan(segments));
  }

  /** Answers at the menu, then asks which routine. */
  menu(answer: readonly Segment[]): Decision {
    return this.listen(
      { mode: 'menu' },
      [...answer, this.say(this.lines.whichRoutine, 'prompt')],
      this.lines.whichRoutineReprompt,
    );
  }

  /** What the screen shows after this turn, when the move knows better than the state it ends in. */
  show(view: ScreenView): void {
    if (this.shown !== null) this.shown = view;
  }

  /** The user is leaving (stop, cancel): no card is left on screen, whatever else the turn shows. */
  closeScreen(): void {
    this.shown = null;
  }

  result(decidedState: CoachState, decided: Plan): Decision {
    // A joined session's routines still to come stay with the routine under way, whatever the move.
    const before = this.input.state;
    const then = before.mode === 'routine' || before.mode === 'halted' ? before.then : undefined;
    const state =
      (decidedState.mode === 'routine' || decidedState.mode === 'halted') &&
      decidedState.then === undefined &&
      then !== undefined &&
      before.mode !== 'menu' &&
      before.mode !== 'labour' &&
      before.routineId === decidedState.routineId
        ? { ...decidedState, then }
        : decidedState;
    const toSave = this.toSave();
    const plan = this.withView(state, this.withAudioStopped(decided));
    return {
      state,
      profile: this.profile,
      ...(this.update ? { update: this.update } : {}),
      ...(toSave ? { toSave } : {}),
      plan,
      planIfSaveFails: this.planIfSaveFails(plan, toSave),
      effects: this.effects,
    };
  }

  /**
   * An answer that says nothing about the audio the player is playing stops it: only a decision to
   * keep it playing (or to play something else) lets it go on once the answer has been said.
   */
  private withAudioStopped(plan: Plan): Plan {
    if (plan.audio !== undefined || this.player?.activity !== 'playing') return plan;
    return { ...plan, audio: { kind: 'stop' } };
  }

  private withView(state: CoachState, plan: Plan): Plan {
    const view = viewAfter({
      state,
      plan,
      profile: this.profile,
      catalogue: this.catalogue,
      prefs: this.prefs,
      savedPlace: this.update?.paused?.place,
      shown: this.shown,
    });
    return view ? { ...plan, view } : plan;
  }

  private toSave(): ProfileUpdate | undefined {
    return this.update ? combineUpdates(this.input.unsaved, this.update) : this.input.unsaved;
  }

  /**
   * A session that ends with its place unsaved says where the user was, so nothing is lost
   * silently; any other answer stays as it is (the save is retried on the next turn).
   */
  private planIfSaveFails(plan: Plan, unsaved: ProfileUpdate | undefined): Plan {
    const place = unsaved?.paused?.place;
    if (!plan.endSession || place === undefined || place === null || plan.segments.length === 0) return plan;
    return { ...plan, segments: [...plan.segments, this.say(this.lines.couldNotSave(place.stepIndex + 1))] };
  }
}

export function endPlan(segments: readonly Segment[]): Plan {
  return { segments, listen: false, endSession: true };
}
