/** Walks the coach core through whole routines with plain values, collecting every plan. */

import { catalogue, type LocaleContent, lines } from '../../lambda/content';
import type { RoutineId } from '../../lambda/core/catalogue';
import { type CoachState, type Decision, decide, INITIAL_STATE, type RoutineState } from '../../lambda/core/coach';
import type { CoachEvent } from '../../lambda/core/events';
import type { Preferences } from '../../lambda/core/preferences';
import { newProfile, type UserProfile } from '../../lambda/core/profile';

export const START = Date.parse('2026-11-27T19:00:00Z');

export class CoreWalker {
  state: CoachState = INITIAL_STATE;
  profile: UserProfile;
  now = START;
  turns: Decision[] = [];
  private counter = 0;

  /** @param content a locale's routines and lines; the default locale's when omitted */
  constructor(
    prefs?: Partial<Preferences>,
    private readonly content: Pick<LocaleContent, 'catalogue' | 'wording'> = { catalogue, wording: lines },
  ) {
    const base = newProfile();
    this.profile = { ...base, disclaimerHeard: true, preferences: { ...base.preferences, ...prefs } };
  }

  send(event: CoachEvent, afterSeconds = 2): Decision {
    this.now += afterSeconds * 1000;
    this.counter += 1;
    const result = decide({
      state: this.state,
      profile: this.profile,
      event,
      now: this.now,
      updateId: `turn-${this.counter}`,
      catalogue: this.content.catalogue,
      wording: this.content.wording,
    });
    this.state = result.state;
    this.profile = result.profile;
    this.turns.push(result);
    return result;
  }

  /** Seconds the last plan lasts. */
  get lastSeconds(): number {
    const last = this.turns[this.turns.length - 1];
    return last ? last.plan.segments.reduce((sum, s) => sum + s.seconds, 0) : 0;
  }

  /** Starts a routine and says she is ready: the answer speaks step 1 onwards. */
  begin(routineId: RoutineId): Decision {
    this.send({ type: 'start', routineId });
    return this.send({ type: 'resume' });
  }

  /** Starts a routine and answers yes after each response has played, to the closing. */
  /**
   * Walks a routine from its start to its closing. The first closing a user hears offers a practice
   * reminder; the walk says no to it, so it ends as a routine's closing does.
   */
  walk(routineId: RoutineId, maxTurns = 40): Decision[] {
    this.send({ type: 'start', routineId });
    for (let i = 0; i < maxTurns && this.state.mode !== 'menu'; i += 1) {
      this.send(
        this.profile.preferences.flow === 'stepByStep' ? { type: 'next' } : { type: 'yes' },
        this.lastSeconds + 1,
      );
    }
    if (this.state.mode === 'menu' && this.state.question?.kind === 'reminder') this.send({ type: 'no' });
    return this.turns;
  }
}

export function spokenText(result: Decision): string {
  return result.plan.segments.map((s) => (s.kind === 'speech' ? s.text : ' ')).join(' ');
}

/** The state as a playing routine; fails the test with the mode it had otherwise. */
export function playing(state: CoachState): RoutineState {
  if (state.mode !== 'routine') throw new Error(`expected a routine to be playing, the mode is ${state.mode}`);
  return state;
}
