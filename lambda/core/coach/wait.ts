/**
 * Short waits: "hold on", "not yet", "give me two minutes". The place and the session are kept;
 * the answer stays quiet for about that long, then asks whether to go on, so only "stop", "pause"
 * or silence after that question end the session. A wait longer than one answer can hold keeps
 * the place and ends the session with how to come back.
 */
import type { Routine } from '../catalogue';
import type { Segment } from '../pacing';
import { pauseRoutine } from './delivery';
import type { Draft } from './draft';
import { askToCarryOn } from './going-on';
import { offerPaused } from './menu';
import type { Decision } from './plan';
import { type Heard, stepToSave } from './position';
import type { InRoutineState, MenuState } from './state';

/** "Hold on", "wait", "not yet": no length heard. Long enough to fetch the oil or a cushion. */
export const DEFAULT_WAIT_SECONDS = 30;

/**
 * A heard length under this is an idiom for "a moment" ("give me a second"), not a timer: it
 * gets the default wait.
 */
export const MIN_WAIT_SECONDS = 10;

/**
 * The longest quiet one answer holds. With the line before it and the question after it the
 * answer stays well inside the 240 s an answer may last (MAX_RESPONSE_SECONDS); anything longer is better served by a saved place
 * than by an open microphone minutes later.
 */
export const MAX_WAIT_SECONDS = 180;

/** The quiet a request asks for, in whole seconds; undefined when it is longer than one answer holds. */
export function waitSeconds(heard: number | undefined): number | undefined {
  if (heard === undefined || !Number.isFinite(heard) || heard < MIN_WAIT_SECONDS) return DEFAULT_WAIT_SECONDS;
  if (heard > MAX_WAIT_SECONDS) return undefined;
  return Math.round(heard);
}

/** "I'll wait a minute", then the quiet itself. */
function quietFor(draft: Draft, seconds: number): Segment[] {
  return [draft.say(draft.lines.waiting(seconds)), { kind: 'silence', seconds }];
}

/** During a routine: quiet, then "shall I carry on with step N?" (the step starts again from its beginning). */
export function waitDuring(
  draft: Draft,
  state: InRoutineState,
  heard: Heard,
  routine: Routine,
  event: { readonly seconds?: number },
): Decision {
  const seconds = waitSeconds(event.seconds);
  if (seconds === undefined) {
    return pauseRoutine(draft, routine, stepToSave(state, heard), [draft.say(draft.lines.longWait)]);
  }
  return askToCarryOn(draft, state, heard, quietFor(draft, seconds));
}

/** At the menu: quiet, then the question that was pending, or which routine. */
export function waitAtMenu(draft: Draft, state: MenuState, event: { readonly seconds?: number }): Decision {
  const lines = draft.lines;
  const seconds = waitSeconds(event.seconds);
  if (seconds === undefined) {
    return draft.end({ mode: 'menu' }, [draft.say(lines.longWait), draft.say(lines.comeBackLater)]);
  }
  const quiet = quietFor(draft, seconds);
  const question = state.question;
  switch (question?.kind) {
    case 'resume':
      return offerPaused(draft, quiet) ?? draft.menu([...quiet, draft.say(lines.readyWhenYouAre)]);
    case 'term':
      return draft.listen(state, [...quiet, draft.say(lines.askTerm, 'prompt')], lines.askTermReprompt);
    case 'forget':
      return draft.listen(state, [...quiet, draft.say(lines.forgetQuestion, 'prompt')], lines.forgetReprompt);
    case 'start': {
      const name = draft.routine(question.routineId)?.name;
      if (name === undefined) break;
      return draft.listen(
        state,
        [...quiet, draft.say(lines.helpWithQuestion(name), 'prompt')],
        lines.helpWithReprompt(name),
      );
    }
  }
  return draft.menu([...quiet, draft.say(lines.readyWhenYouAre)]);
}
