/**
 * A paused place in a routine that has changed since: found again by its step id, or brought back
 * to the nearest step with a word that the routine changed; never a step number the routine lacks
 * or an empty title. At the menu: the offer, resume, status, start over and help.
 */
import { catalogue, lines } from '../../lambda/content';
import type { Catalogue } from '../../lambda/core/catalogue';
import { type CoachState, type Decision, decide } from '../../lambda/core/coach';
import { fitPlace, stepGone } from '../../lambda/core/coach/paused-place';
import type { CoachEvent } from '../../lambda/core/events';
import type { Segment } from '../../lambda/core/pacing';
import { newProfile, type PausedPlace, type UserProfile } from '../../lambda/core/profile';
import {
  changedCatalogue,
  changedFoot,
  foot,
  hand,
  indexOf,
  REMOVED_STEP,
  shortenedHand,
} from '../support/changed-catalogue';
import { START } from '../support/walk';

const texts = (segments: readonly Segment[]) => segments.map((s) => (s.kind === 'speech' ? s.text : ''));
const spoken = (decision: Decision) => texts(decision.plan.segments).join(' ');

function placeAt(routineId: 'foot' | 'hand', stepIndex: number, stepId?: string): PausedPlace {
  return { routineId, stepIndex, ...(stepId !== undefined ? { stepId } : {}), at: START - 86_400_000 };
}

function profileWith(paused: PausedPlace): UserProfile {
  return { ...newProfile(), disclaimerHeard: true, screeningHeard: true, paused };
}

function once(state: CoachState, event: CoachEvent, paused: PausedPlace, cat: Catalogue = changedCatalogue): Decision {
  return decide({
    state,
    profile: profileWith(paused),
    event,
    now: START,
    updateId: 'this-turn',
    catalogue: cat,
    wording: lines,
  });
}

const heel = foot.steps[3];
const heelNow = indexOf(changedFoot, 'foot.heelSqueeze');
const removedAt = indexOf(foot, REMOVED_STEP.id);

describe('fitting a paused place to the routine', () => {
  it('finds a step by its id where steps were added before it', () => {
    expect(heelNow).toBe(4);
    const place = placeAt('foot', 3, 'foot.heelSqueeze');
    expect(fitPlace(place, changedFoot)).toEqual({ ...place, stepIndex: heelNow });
    expect(stepGone(fitPlace(place, changedFoot), changedFoot)).toBe(false);
  });

  it('keeps the index of a step that was taken out, and its old id, so the step reads as gone', () => {
    const place = placeAt('foot', removedAt, REMOVED_STEP.id);
    const fitted = fitPlace(place, changedFoot);
    expect(fitted).toEqual(place);
    expect(stepGone(fitted, changedFoot)).toBe(true);
  });

  it('brings a step taken out from the end back to the last step', () => {
    const last = hand.steps.length - 1;
    const place = placeAt('hand', last, hand.steps[last]?.id);
    const fitted = fitPlace(place, shortenedHand);
    expect(fitted).toEqual({ ...place, stepIndex: shortenedHand.steps.length - 1 });
    expect(stepGone(fitted, shortenedHand)).toBe(true);
  });

  it('gives a place saved before step ids the id of the step at its index', () => {
    const fitted = fitPlace(placeAt('foot', 3), foot);
    expect(fitted).toEqual(placeAt('foot', 3, heel?.id));
    expect(stepGone(fitted, foot)).toBe(false);
  });

  it('brings a place saved before step ids, past the end, back to the last step, as gone', () => {
    const fitted = fitPlace(placeAt('hand', 40), shortenedHand);
    expect(fitted).toEqual(placeAt('hand', shortenedHand.steps.length - 1));
    expect(stepGone(fitted, shortenedHand)).toBe(true);
  });
});

describe('saving a place', () => {
  it('keeps the id of the step it was on', () => {
    const state: CoachState = {
      mode: 'routine',
      routineId: 'foot',
      resumeAt: { stepIndex: 2, offset: 0 },
      played: { sentAt: START - 5_000, spans: [] },
    };
    const result = decide({
      state,
      profile: newProfile(),
      event: { type: 'pause' },
      now: START,
      updateId: 'this-turn',
      catalogue: changedCatalogue,
      wording: lines,
    });
    expect(result.update?.paused?.place).toEqual({
      routineId: 'foot',
      stepIndex: 2,
      stepId: changedFoot.steps[2]?.id,
      at: START,
    });
  });
});

describe('at the menu, a place in a routine that changed since', () => {
  const menu: CoachState = { mode: 'menu' };
  const moved = placeAt('foot', 3, 'foot.heelSqueeze');
  const gone = placeAt('foot', removedAt, REMOVED_STEP.id);
  const goneTitle = changedFoot.steps[removedAt]?.title ?? '';

  it.each([
    ['launch', { type: 'launch' }],
    ['status', { type: 'status' }],
  ] as const)('%s offers a step found by its id at its new number', (_label, event) => {
    const result = once(menu, event, moved);
    expect(spoken(result)).toContain(lines.offerResume(foot.name, heelNow + 1, heel?.title ?? ''));
    expect(result.state).toEqual({ mode: 'menu', question: { kind: 'resume' } });
  });

  it.each([
    ['launch', { type: 'launch' }],
    ['status', { type: 'status' }],
  ] as const)('%s offers a step that is gone as the nearest, saying the routine changed', (_label, event) => {
    const result = once(menu, event, gone);
    expect(spoken(result)).toContain(lines.offerResumeChanged(foot.name, removedAt + 1, goneTitle));
    expect(spoken(result)).not.toContain(REMOVED_STEP.title);
    expect(result.state).toEqual({ mode: 'menu', question: { kind: 'resume' } });
  });

  it('resume picks up a step found by its id where it is now', () => {
    const result = once(menu, { type: 'resume' }, moved);
    expect(texts(result.plan.segments)[0]).toBe(lines.resumingAt(foot.name, heelNow + 1));
    expect(result.state).toMatchObject({ mode: 'routine', resumeAt: { stepIndex: heelNow, offset: 0 } });
  });

  it('resume without an offer says the routine changed, and picks up at the nearest step', () => {
    const result = once(menu, { type: 'resume' }, gone);
    expect(texts(result.plan.segments)[0]).toBe(lines.resumingChanged(foot.name, removedAt + 1));
    expect(result.state).toMatchObject({ mode: 'routine', resumeAt: { stepIndex: removedAt, offset: 0 } });
  });

  it('yes to the offer picks up there without saying again that the routine changed', () => {
    const result = once({ mode: 'menu', question: { kind: 'resume' } }, { type: 'yes' }, gone);
    expect(texts(result.plan.segments)[0]).toBe(lines.resumingAt(foot.name, removedAt + 1));
    expect(result.state).toMatchObject({ mode: 'routine', resumeAt: { stepIndex: removedAt, offset: 0 } });
  });

  it('start over starts the changed routine from its opening, with the added step in it', () => {
    const result = once(menu, { type: 'startOver' }, gone);
    expect(spoken(result)).toContain(foot.position);
    expect(result.state).toMatchObject({ mode: 'routine', routineId: 'foot', resumeAt: { stepIndex: 0, offset: 0 } });
    const ready = decide({
      state: result.state,
      profile: result.profile,
      event: { type: 'yes' },
      now: START + 5_000,
      updateId: 'next-turn',
      catalogue: changedCatalogue,
      wording: lines,
    });
    expect(spoken(ready)).toContain(`Step 2 of ${changedFoot.steps.length}. Resting your hands on her feet.`);
  });

  it('help offers to resume the paused routine', () => {
    const result = once(menu, { type: 'help' }, gone);
    expect(texts(result.plan.segments)).toEqual([lines.helpPaused]);
    expect(result.state).toEqual({ mode: 'menu', question: { kind: 'resume' } });
  });

  it('a place past the end of a routine that lost its last step is offered as its last step', () => {
    const last = shortenedHand.steps.length - 1;
    const result = once(menu, { type: 'launch' }, placeAt('hand', hand.steps.length - 1, hand.steps.at(-1)?.id));
    expect(spoken(result)).toContain(
      lines.offerResumeChanged(hand.name, last + 1, shortenedHand.steps[last]?.title ?? ''),
    );
  });

  it('with the catalogue unchanged, a place saved before step ids is offered as it always was', () => {
    const result = once(menu, { type: 'launch' }, placeAt('foot', 3), catalogue);
    expect(spoken(result)).toContain(lines.offerResume(foot.name, 4, heel?.title ?? ''));
  });
});

describe('a routine state from before the routine changed', () => {
  it('a timeline naming a step the routine no longer has reads as played out', () => {
    const last = shortenedHand.steps.length;
    const state: CoachState = {
      mode: 'routine',
      routineId: 'hand',
      resumeAt: { stepIndex: 2, offset: 0 },
      played: {
        sentAt: START - 40_000,
        spans: [
          [1, 0, 30, 0],
          [last, 30, 90, 0],
        ],
      },
    };
    const result = once(state, { type: 'status' }, placeAt('hand', 0));
    expect(texts(result.plan.segments)[0]).toBe(
      lines.statusStep(3, shortenedHand.steps.length, shortenedHand.steps[2]?.title ?? '', hand.name),
    );
  });
});
