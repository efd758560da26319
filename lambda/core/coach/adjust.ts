/** Preferences changed by voice: pressure (capped for pregnancy), pace, speech rate and flow. */
import type { Step } from '../catalogue';
import type { CoachEvent } from '../events';
import type { Segment } from '../pacing';
import { firmer, lighter, quickerPace, slowerPace } from '../preferences';
import type { Draft } from './draft';

type EventOf<T extends CoachEvent['type']> = Extract<CoachEvent, { type: T }>;

/** More or less pressure: the step's own tip when a step is under way, and the remembered level. */
export function changePressure(draft: Draft, direction: 'more' | 'less', step: Step | undefined): Segment[] {
  const lines = draft.lines;
  if (direction === 'more') {
    const next = firmer(draft.prefs.pressure);
    if (next.capped) return [draft.say(lines.pressureCapped)];
    draft.setPreference('pressure', next.level);
    return [draft.say(step ? step.morePressureTip : lines.pressureMenuMore), draft.say(lines.pressureNow(next.level))];
  }
  const next = lighter(draft.prefs.pressure);
  if (next.floored) {
    return step
      ? [draft.say(step.lessPressureTip), draft.say(lines.pressureFloored)]
      : [draft.say(lines.pressureFloored)];
  }
  draft.setPreference('pressure', next.level);
  return [draft.say(step ? step.lessPressureTip : lines.pressureMenuLess), draft.say(lines.pressureNow(next.level))];
}

export function changePace(draft: Draft, event: EventOf<'pace'>): Segment[] {
  const lines = draft.lines;
  const current = draft.prefs.pace;
  const slower = event.direction === 'slower';
  const next = slower ? slowerPace(current) : quickerPace(current);
  if (next === current) return [draft.say(slower ? lines.slowestPace : lines.fastestPace)];
  draft.setPreference('pace', next);
  return [draft.say(slower ? lines.slowerPace : lines.fasterPace)];
}

export function changeSpeechRate(draft: Draft, event: EventOf<'speechRate'>): Segment[] {
  draft.setPreference('speechRate', event.rate);
  return [draft.say(event.rate === 'slower' ? draft.lines.speakSlower : draft.lines.speakNormally)];
}

export function changeFlow(draft: Draft, event: EventOf<'flow'>): Segment[] {
  draft.setPreference('flow', event.flow);
  return [draft.say(event.flow === 'stepByStep' ? draft.lines.stepByStepOn : draft.lines.continuousOn)];
}
