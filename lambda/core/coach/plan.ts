/** What the core hands back: a plan to render, the next state, the profile change and the effects. */
import type { BodyArea } from '../body';
import type { Segment } from '../pacing';
import type { AudioPoint, PlayItem } from '../player';
import type { ProfileUpdate, UserProfile } from '../profile';
import type { ReminderAction, ReminderSchedule } from '../schedule';
import type { ScreenView } from '../screen';
import type { CoachState } from './state';

/** What to say and whether to listen afterwards. Rendering it (SSML, audio, screen) is not the core's job. */
export interface Plan {
  readonly segments: readonly Segment[];
  /** Open the microphone afterwards; a reprompt is then required. */
  readonly listen: boolean;
  readonly reprompt?: string;
  /** Close the session (true) or leave it to the device (false with listen false: speech only). */
  readonly endSession: boolean;
  /** What the device's audio player does after the speech, in hands-free mode; nothing when absent. */
  readonly audio?: AudioInstruction;
  /** What a screen shows after the answer (lambda/screen draws it); none: the screen is left alone. */
  readonly view?: ScreenView;
  /**
   * After the speech, Alexa asks for the reminders permission (the session ends; her answer comes
   * back as a permission event carrying this schedule).
   */
  readonly askPermission?: { readonly schedule: ReminderSchedule };
}

/**
 * What Now Playing shows for an item: the routine, "Step N of M: title", and the step's picture (the
 * drawing with its area marked, when the render has one), described by the area's name.
 */
export interface NowPlaying {
  readonly title: string;
  readonly subtitle: string;
  /** The area the step works: the art is the drawing of its view with this area marked. */
  readonly area: BodyArea;
  /** The area's name, the picture's description. */
  readonly areaName: string;
}

/**
 * The audio player's part of a plan. The audio renderer turns it into AudioPlayer directives over
 * the rendered files: the file for the item's variant, the point as an offset in that file.
 */
export type AudioInstruction =
  /** Play a step from a point, replacing whatever plays, or queued to follow the item playing. */
  | {
      readonly kind: 'play';
      readonly item: PlayItem;
      readonly from: AudioPoint;
      readonly enqueue: boolean;
      readonly nowPlaying: NowPlaying;
    }
  /** The audio playing goes on after the answer. */
  | { readonly kind: 'keepPlaying' }
  /** The audio stops; the device keeps the item, so "Alexa, resume" can go on. */
  | { readonly kind: 'stop' }
  /** The audio stops and the queue is cleared: a routine cancelled. */
  | { readonly kind: 'clear' };

/**
 * Work the caller carries out after deciding. `deleteProfile` carries the answer to give instead if
 * it fails; a `reminder` effect's outcome comes back to the core as a `reminderDone` event in the
 * same turn, which decides what to say.
 */
export type Effect =
  | { readonly type: 'deleteProfile'; readonly planIfFailed: Plan }
  | { readonly type: 'reminder'; readonly action: ReminderAction };
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
