/** What the core hands back: a plan to render, the next state, the profile change and the effects. */
import type { Segment } from '../pacing';
import type { ProfileUpdate, UserProfile } from '../profile';
import type { CoachState } from './state';

/** What to say and whether to listen afterwards. Rendering it (SSML, audio, screen) is not the core's job. */
export interface Plan {
  readonly segments: readonly Segment[];
  /** Open the microphone afterwards; a reprompt is then required. */
  readonly listen: boolean;
  readonly reprompt?: string;
  /** Close the session (true) or leave it to the device (false with listen false: speech only). */
  readonly endSession: boolean;
}

/** Work the caller carries out after deciding, with the answer to give instead if it fails. */
export type Effect = { readonly type: 'deleteProfile'; readonly planIfFailed: Plan };

/** The outcome of one decision. */
export interface Decision {
  readonly state: CoachState;
  /** The session's view of the profile with this turn's change applied. */
  readonly profile: UserProfile;
  /** What changed in the profile this turn; undefined when nothing did. */
  readonly update?: ProfileUpdate;
  /** What to save now: this turn's change folded into any earlier unsaved one; undefined when nothing is due. */
  readonly toSave?: ProfileUpdate;
  readonly plan: Plan;
  /** The answer to give when saving this turn's change, with any earlier unsaved one, fails. */
  readonly planIfSaveFails: Plan;
  readonly effects: readonly Effect[];
}
