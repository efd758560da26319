/**
 * The screen's part of an answer: the handler draws what the core's plan says to show (`plan.view`)
 * as the APL card (lambda/screen), and decides what the answer does to the session on a device with
 * a screen. The core says what to show; this translates it for the platform.
 */
import type { Directive, RequestEnvelope } from 'ask-sdk-model';
import type { Plan } from '../core/coach';
import type { ScreenWords } from '../core/wording';
import { screenDirective } from '../screen/render';
import { deviceSupportsApl } from './screen-device';

/** What respond() needs for the screen: the locale's words for the card. */
export interface ScreenContext {
  readonly words: ScreenWords;
}

/**
 * The card for the answer: the plan's view drawn with the locale's words, on a device that declares
 * APL, unless the answer plays audio (the device shows Now Playing then, and a card sent with a Play
 * cannot be updated while it plays). The user leaving (stop, cancel) leaves no view in the plan.
 */
export function cardFor(
  envelope: RequestEnvelope,
  plan: Plan,
  screen: ScreenContext | undefined,
  plays: boolean,
): Directive | undefined {
  if (screen === undefined || plan.view === undefined || plays || !deviceSupportsApl(envelope)) return undefined;
  return screenDirective(plan.view, screen.words);
}

/**
 * Whether the answer ends the session: true, false (the mic opens: a plan that listens, set by its
 * reprompt), or undefined (left to the device).
 *
 * The rule on a screen: a plan that would end the session but leaves a card on screen (a warning
 * sign's action and number, a paused routine, the routine's closing, a halted routine) leaves
 * `shouldEndSession` undefined, so the card stays, without the mic, and its buttons still reach the
 * skill in the same session (alexa-platform.md, "Sessions and turn-taking": on a screen device
 * showing the skill's content an undefined shouldEndSession keeps the session open without the mic;
 * on a headless device it ends). A plain goodbye (stop, cancel, or an end with nothing to show) and
 * a Play (the platform requires it) end the session as on any device.
 */
export function endsSession(plan: Plan, plays: boolean, card: Directive | undefined): boolean | undefined {
  if (plays) return true;
  if (plan.listen) return false;
  if (plan.endSession) return card === undefined ? true : undefined;
  return undefined;
}
