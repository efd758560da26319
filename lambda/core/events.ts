/** What the user did, as the coach core sees it: no Alexa types here. */
import type { RoutineId } from './catalogue';
import type { ConcernId } from './concerns';
import type { Flow, SpeechRate } from './preferences';
import type { ReminderAction, ReminderAsk, ReminderSchedule } from './schedule';
import type { WarningSignId } from './warning-signs';

export type CoachEvent =
  | { readonly type: 'launch' }
  /** `handsFree`: "start foot massage hands free", this routine as audio whatever the preference. */
  | { readonly type: 'start'; readonly routineId?: RoutineId; readonly heard?: string; readonly handsFree?: true }
  | { readonly type: 'list' }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'repeat' }
  | { readonly type: 'startOver' }
  /** "Go to step three": the step number as heard (1-based), when a number was heard. */
  | { readonly type: 'goToStep'; readonly step?: number }
  /** "Hold on", "give me two minutes": how long, in seconds, when a length was heard. */
  | { readonly type: 'wait'; readonly seconds?: number }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'status' }
  | { readonly type: 'pressure'; readonly direction: 'more' | 'less' }
  | { readonly type: 'pace'; readonly direction: 'slower' | 'faster' }
  | { readonly type: 'speechRate'; readonly rate: SpeechRate }
  | { readonly type: 'flow'; readonly flow: Flow }
  | { readonly type: 'help' }
  | { readonly type: 'stop' }
  /** Cancel: like stop in spoken answers; in hands-free mode it also clears the queue and the place. */
  | { readonly type: 'cancel' }
  /** Hands-free mode on or off. */
  | { readonly type: 'handsFree'; readonly on: boolean }
  /** Loop or shuffle, which a routine has no use for. */
  | { readonly type: 'playOrder' }
  | { readonly type: 'home' }
  | { readonly type: 'fallback' }
  | { readonly type: 'yes' }
  | { readonly type: 'no' }
  | { readonly type: 'discomfort' }
  | { readonly type: 'unwell' }
  | { readonly type: 'warningSign'; readonly sign: WarningSignId }
  | { readonly type: 'labour' }
  | { readonly type: 'safetyInfo' }
  | { readonly type: 'helpWith'; readonly concern?: ConcernId; readonly heard?: string }
  | { readonly type: 'forgetMe' }
  | { readonly type: 'sessionEnded' }
  /** "Remind me every evening at eight", "remind me on Mondays and Thursdays": what was heard of it. */
  | { readonly type: 'remindMe'; readonly ask: ReminderAsk }
  /** "Change my reminder (to seven)", "when is my reminder": with what was heard of the new one. */
  | { readonly type: 'changeReminder'; readonly ask: ReminderAsk }
  /** "Stop reminding me." */
  | { readonly type: 'stopReminders' }
  /** Alexa's answer to the skill's request for the reminders permission, with the schedule it was for. */
  | { readonly type: 'permission'; readonly answer: PermissionAnswer; readonly schedule?: ReminderSchedule }
  /** What came of a reminder effect this turn asked for (the runner feeds it back in the same turn). */
  | { readonly type: 'reminderDone'; readonly outcome: ReminderOutcome }
  /** "Twenty minutes tonight", "a longer session": routines joined into one session of about that length. */
  | { readonly type: 'longSession'; readonly minutes?: number }
  /** "Do another one": one more routine, another than the ones just done. */
  | { readonly type: 'another' };

export type PermissionAnswer = 'accepted' | 'denied' | 'notAnswered';

/** Why an outside call did not do what was asked. */
export type OutsideFailure =
  /** No answer in the time a turn can wait. */
  | 'timeout'
  /** The service failed (5xx, a reset connection, an answer it could not read). */
  | 'unavailable'
  /** The service refused the request itself (a 4xx other than permission). */
  | 'refused';

/** How a reminder effect ended: done (with the reminder's id when one was set), or why not. */
export type ReminderResult =
  | { readonly kind: 'done'; readonly id?: string }
  | { readonly kind: 'noPermission' }
  | { readonly kind: 'failed'; readonly why: OutsideFailure };

/** A reminder effect and how it ended. */
export interface ReminderOutcome {
  readonly action: ReminderAction;
  readonly result: ReminderResult;
}
