/** The player's reports on the skill's items, decided in the core, and how their writes merge. */
import { catalogue, lines } from '../../lambda/content';
import { decidePlayback, type PlaybackReport } from '../../lambda/core/coach';
import { routineSeconds } from '../../lambda/core/pacing';
import type { PlayerPlace, PlayItem } from '../../lambda/core/player';
import { DEFAULT_PREFERENCES } from '../../lambda/core/preferences';
import { applyUpdate, newProfile, type UserProfile } from '../../lambda/core/profile';
import { playItem } from '../support/play-items';

const NOW = Date.parse('2026-11-27T20:00:00Z');
const ISSUED = NOW - 90_000;
const foot = catalogue.get('foot');
if (foot === undefined) throw new Error('no foot routine');
const LAST = foot.steps.length - 1;

function place(partial: Partial<PlayItem> = {}, activity: PlayerPlace['activity'] = 'playing'): PlayerPlace {
  const variant = { pressure: 'medium', speechRate: 'slower', pace: 'quicker' } as const;
  const item = playItem({ variant, issuedAt: ISSUED, ...partial });
  return { item, offset: 30, point: { segment: 2, fraction: 0.5 }, activity };
}

const decideOn = (report: PlaybackReport, player: PlayerPlace, now = NOW) =>
  decidePlayback({ report, player, now, catalogue, wording: lines });

describe('the player’s reports', () => {
  it('a step that starts becomes the place to come back to, and nothing plays', () => {
    const decision = decideOn('started', place());
    expect(decision.audio).toBeUndefined();
    expect(decision.update?.paused).toEqual({
      place: { routineId: 'foot', stepIndex: 1, stepId: foot.steps[1]?.id, at: NOW },
      at: NOW,
      reportedFor: { routineId: 'foot', stepIndex: 1, issuedAt: ISSUED },
    });
  });

  it('nearly finished, in continuous flow, queues the next step behind this one in the same variant', () => {
    const decision = decideOn('nearlyFinished', place());
    expect(decision.update).toBeUndefined();
    expect(decision.audio).toEqual({
      kind: 'play',
      item: { ...place().item, stepIndex: 2, issuedAt: NOW },
      from: { segment: 0, fraction: 0 },
      enqueue: true,
      nowPlaying: {
        title: foot.name,
        subtitle: lines.nowPlayingStep(3, foot.steps.length, foot.steps[2]?.title ?? ''),
        area: foot.steps[2]?.area,
        areaName: lines.screen.areas[foot.steps[2]?.area ?? 'wholeFoot'],
      },
    });
  });

  it('nearly finished queues nothing in step-by-step flow, or on the last step', () => {
    expect(decideOn('nearlyFinished', place({ flow: 'stepByStep' }))).toEqual({});
    expect(decideOn('nearlyFinished', place({ stepIndex: LAST }))).toEqual({});
  });

  it('the last step finished counts the practice once for the item, at its pace, and clears the place', () => {
    const decision = decideOn('finished', place({ stepIndex: LAST }, 'finished'));
    const minutes = Math.round(routineSeconds(foot, { ...DEFAULT_PREFERENCES, pace: 'quicker' }) / 60);
    expect(decision.update?.practice).toEqual([{ routineId: 'foot', at: NOW, minutes }]);
    expect(decision.update?.paused?.place).toBeNull();
    const again = decideOn('finished', place({ stepIndex: LAST }, 'finished'), NOW + 500);
    expect(again.update?.id).toBe(decision.update?.id);
    let profile: UserProfile = newProfile();
    profile = applyUpdate(applyUpdate(profile, decision.update ?? { id: 'x' }), again.update ?? { id: 'y' });
    expect(profile.history.sessionsFinished).toBe(1);
  });

  it('a step finished in step-by-step flow makes the next step the place; in continuous flow nothing is written', () => {
    expect(decideOn('finished', place({ flow: 'stepByStep' }, 'finished')).update?.paused?.place).toMatchObject({
      routineId: 'foot',
      stepIndex: 2,
    });
    expect(decideOn('finished', place({}, 'finished'))).toEqual({});
  });

  it('a stop keeps the point in the step', () => {
    expect(decideOn('stopped', place({}, 'stopped')).update?.paused?.place).toMatchObject({
      stepIndex: 1,
      point: { segment: 2, fraction: 0.5 },
    });
  });

  it('a failure is retried once from where it failed; the second marks the place so the next turn speaks', () => {
    const first = decideOn('failed', place({}, 'stopped'));
    expect(first.audio).toMatchObject({ kind: 'play', enqueue: false, from: { segment: 2, fraction: 0.5 } });
    expect(first.audio?.kind === 'play' && first.audio.item).toMatchObject({ attempt: 2, issuedAt: NOW, stepIndex: 1 });
    const second = decideOn('failed', place({ attempt: 2 }, 'stopped'));
    expect(second.audio).toBeUndefined();
    expect(second.update?.paused?.place).toMatchObject({ stepIndex: 1, audioFailed: true });
  });

  it('reports about a routine or step the catalogue lacks change nothing', () => {
    expect(decideOn('started', place({ stepIndex: 40 }))).toEqual({});
    expect(decideOn('started', place({ stepIndex: foot.steps.length }))).toEqual({});
  });

  it('each report about an item writes under its own id, and the same report twice under the same one', () => {
    const ids = [
      decideOn('started', place()),
      decideOn('stopped', place({}, 'stopped')),
      decideOn('finished', place({ flow: 'stepByStep' }, 'finished')),
      decideOn('failed', place({ attempt: 2 }, 'stopped')),
    ].map((decision) => decision.update?.id);
    expect(new Set(ids).size).toBe(4);
    expect(decideOn('started', place(), NOW + 5000).update?.id).toBe(ids[0]);
  });
});

describe('writes the player reports, merged with what is stored', () => {
  const stoppedAt = (at: number) => decideOn('stopped', place({}, 'stopped'), at).update ?? { id: 'none' };

  it('a stop that follows cancel does not bring the cleared place back', () => {
    const cancelled = applyUpdate(newProfile(), { id: 'cancel', paused: { place: null, at: ISSUED + 10_000 } });
    expect(applyUpdate(cancelled, stoppedAt(ISSUED + 11_000)).paused).toBeNull();
  });

  it('a stop after another routine was paused elsewhere leaves that place', () => {
    const other = { routineId: 'lowerBack' as const, stepIndex: 4, at: ISSUED + 5_000 };
    const profile = applyUpdate(newProfile(), { id: 'other', paused: { place: other, at: other.at } });
    expect(applyUpdate(profile, stoppedAt(ISSUED + 6_000)).paused).toEqual(other);
  });

  it('a stop of the step the place already names keeps its point', () => {
    const started = applyUpdate(newProfile(), decideOn('started', place(), ISSUED + 1_000).update ?? { id: 'x' });
    expect(applyUpdate(started, stoppedAt(ISSUED + 20_000)).paused).toMatchObject({
      point: { segment: 2, fraction: 0.5 },
    });
  });

  it('a stop applies when nothing changed since the item was issued', () => {
    const older = applyUpdate(newProfile(), { id: 'old', paused: { place: null, at: ISSUED - 1 } });
    expect(applyUpdate(older, stoppedAt(NOW)).paused).toMatchObject({ stepIndex: 1 });
  });
});
