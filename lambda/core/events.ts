/** What the user did, as the coach core sees it: no Alexa types here. */
import type { RoutineId } from './catalogue';
import type { ConcernId } from './concerns';
import type { Flow, SpeechRate } from './preferences';
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
  | { readonly type: 'sessionEnded' };
