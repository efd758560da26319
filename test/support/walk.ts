/** Walks the coach core through whole routines with plain values, collecting every plan. */

import { catalogue } from '../../lambda/content/routines';
import type { RoutineId } from '../../lambda/core/catalogue';
import type { CoachEvent } from '../../lambda/core/events';
import type { Preferences } from '../../lambda/core/preferences';
import { newProfile, type UserProfile } from '../../lambda/core/profile';
import { type CoachState, decide, INITIAL_STATE, type TurnResult } from '../../lambda/core/session';

export const START = Date.parse('2026-11-27T19:00:00Z');

export class CoreWalker {
  state: CoachState = INITIAL_STATE;
  profile: UserProfile;
  now = START;
  turns: TurnResult[] = [];
  private counter = 0;

  constructor(prefs?: Partial<Preferences>) {
    const base = newProfile();
    this.profile = { ...base, disclaimerHeard: true, preferences: { ...base.preferences, ...prefs } };
  }

  send(event: CoachEvent, afterSeconds = 2): TurnResult {
    this.now += afterSeconds * 1000;
    this.counter += 1;
    const result = decide({
      state: this.state,
      profile: this.profile,
      event,
      now: this.now,
      updateId: `turn-${this.counter}`,
      catalogue,
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

  /** Starts a routine and answers yes after each response has played, to the closing. */
  walk(routineId: RoutineId, maxTurns = 40): TurnResult[] {
    this.send({ type: 'start', routineId });
    for (let i = 0; i < maxTurns && this.state.mode !== 'menu'; i += 1) {
      this.send(
        this.profile.preferences.flow === 'stepByStep' ? { type: 'next' } : { type: 'yes' },
        this.lastSeconds + 1,
      );
    }
    return this.turns;
  }
}

export function spokenText(result: TurnResult): string {
  return result.plan.segments.map((s) => (s.kind === 'speech' ? s.text : ' ')).join(' ');
}
