/** What the user did, as the coach core sees it: no Alexa types here. */
import type { RoutineId } from './catalogue';
import type { ConcernId } from './concerns';
import type { Flow, SpeechRate } from './preferences';
import type { WarningSignId } from './warning-signs';

export type CoachEvent =
  | { readonly type: 'launch' }
  | { readonly type: 'start'; readonly routineId?: RoutineId; readonly heard?: string }
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
  | { readonly type: 'home' }
  | { readonly type: 'fallback' }
  | { readonly type: 'yes' }
  | { readonly type: 'no' }
  | { readonly type: 'discomfort' }
  | { readonly type: 'unwell' }
  | { readonly type: 'warningSign'; readonly sign: WarningSignId }
  | { readonly type: 'labour' }
  | { readonly type: 'safetyInfo' }
  | { readonly type: 'helpWith'; readonly concern?: ConcernId }
  | { readonly type: 'forgetMe' }
  | { readonly type: 'sessionEnded' };
