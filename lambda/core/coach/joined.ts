/**
 * Joined sessions: "twenty minutes tonight" joins routines into one session of about that length,
 * with one opening, announced moves between body areas and the position changes; "do another one"
 * starts one more routine, another than the ones just done.
 */
import type { CoachEvent } from '../events';
import { startRoutine } from './delivery';
import type { Draft } from './draft';
import type { Decision } from './plan';
import type { CoachState } from './state';

type EventOf<T extends CoachEvent['type']> = Extract<CoachEvent, { type: T }>;

/** "Twenty minutes tonight", in any mode. */
export function longSession(draft: Draft, _state: CoachState, _event: EventOf<'longSession'>): Decision {
  const first = draft.catalogue.routines[0];
  if (first === undefined) return draft.menu([]);
  return startRoutine(draft, first);
}

/** "Do another one", in any mode. */
export function another(draft: Draft, _state: CoachState, _event: EventOf<'another'>): Decision {
  const first = draft.catalogue.routines[0];
  if (first === undefined) return draft.menu([]);
  return startRoutine(draft, first);
}
