/**
 * Hands-free mode in the core: a routine the device's audio player holds, the pause gateway, and
 * going on as audio at the exact point. The player is given as the handlers would read it.
 */
import { catalogue, lines } from '../../lambda/content';
import type { Routine } from '../../lambda/core/catalogue';
import { type AudioInstruction, type CoachState, type Decision, decide } from '../../lambda/core/coach';
import type { CoachEvent } from '../../lambda/core/events';
import type { PlayerActivity, PlayerPlace, PlayItem } from '../../lambda/core/player';
import { DEFAULT_PREFERENCES, type Preferences } from '../../lambda/core/preferences';
import { newProfile, type PausedPlace, type UserProfile } from '../../lambda/core/profile';
import { playItem } from '../support/play-items';

const NOW = Date.parse('2026-11-27T20:00:00Z');
const ISSUED = NOW - 60_000;

function routineById(id: string): Routine {
  const routine = catalogue.get(id);
  if (!routine) throw new Error(`no routine ${id}`);
  return routine;
}
const foot = routineById('foot');
const lowerBack = routineById('lowerBack');

function item(partial: Partial<PlayItem> = {}): PlayItem {
  return playItem({ stepIndex: 2, issuedAt: ISSUED, ...partial });
}

function player(activity: PlayerActivity = 'playing', partial: Partial<PlayerPlace> = {}): PlayerPlace {
  return { item: item(), offset: 40, point: { segment: 2, fraction: 0.25 }, activity, ...partial };
}

function profileWith(prefs: Partial<Preferences> = {}, more: Partial<UserProfile> = {}): UserProfile {
  return {
    ...newProfile(),
    disclaimerHeard: true,
    screeningHeard: true,
    handsFreeOffered: true,
    preferences: { ...DEFAULT_PREFERENCES, handsFree: 'on', ...prefs },
    ...more,
  };
}

interface Turn {
  state?: CoachState;
  profile?: UserProfile;
  player?: PlayerPlace;
  newSession?: boolean;
  canPlayAudio?: boolean;
}

function turn(event: CoachEvent, options: Turn = {}): Decision {
  return decide({
    state: options.state ?? { mode: 'menu' },
    profile: options.profile ?? profileWith(),
    event,
    now: NOW,
    updateId: 'this-turn',
    catalogue,
    wording: lines,
    canPlayAudio: options.canPlayAudio ?? true,
    ...(options.player ? { player: options.player } : {}),
    newSession: options.newSession ?? options.state === undefined,
  });
}

const texts = (decision: Decision) => decision.plan.segments.flatMap((s) => (s.kind === 'speech' ? [s.text] : []));

function play(decision: Decision): Extract<AudioInstruction, { kind: 'play' }> {
  const audio = decision.plan.audio;
  if (audio?.kind !== 'play') throw new Error(`expected a play, got ${JSON.stringify(audio)}`);
  return audio;
}

describe('the pause gateway', () => {
  it('"Alexa, pause" while a step plays stops it, names the step exactly, and listens for what she needs', () => {
    const result = turn({ type: 'pause' }, { player: player() });
    expect(result.plan.audio).toEqual({ kind: 'stop' });
    expect(result.plan.listen).toBe(true);
    expect(result.plan.endSession).toBe(false);
    const title = foot.steps[2]?.title ?? '';
    expect(texts(result)).toEqual([lines.audioPausedAt(3, foot.steps.length, title), lines.audioPausedOptions]);
    expect(result.plan.reprompt).toBe(lines.audioPausedReprompt);
    expect(result.state).toMatchObject({ mode: 'audio', routineId: 'foot', point: { segment: 2, fraction: 0.25 } });
    // The player's report of the stop keeps the place; the gateway itself writes nothing.
    expect(result.update).toBeUndefined();
  });

  it('more pressure in the gateway resumes the same step in the firmer variant at the same point', () => {
    const gateway = turn({ type: 'pause' }, { player: player() });
    const result = turn(
      { type: 'pressure', direction: 'more' },
      { state: gateway.state, profile: gateway.profile, player: player('stopped'), newSession: false },
    );
    const audio = play(result);
    expect(audio.item).toMatchObject({ routineId: 'foot', stepIndex: 2, variant: { pressure: 'medium' } });
    expect(audio.from).toEqual({ segment: 2, fraction: 0.25 });
    expect(audio.enqueue).toBe(false);
    expect(result.plan.endSession).toBe(true);
    expect(result.update?.preferences?.pressure?.value).toBe('medium');
  });

  it('a change asked for in the step introduction resumes from the start of the step', () => {
    const inIntro = player('stopped', { offset: 3, point: { segment: 0, fraction: 0.4 } });
    const result = turn(
      { type: 'pace', direction: 'slower' },
      { state: pausedState(inIntro), player: inIntro, newSession: false },
    );
    expect(play(result).from).toEqual({ segment: 0, fraction: 0 });
    expect(play(result).item.variant.pace).toBe('slower');
  });

  it('resume in the same variant goes on from the point even in the introduction', () => {
    const inIntro = player('stopped', { offset: 6, point: { segment: 0, fraction: 0.5 } });
    const result = turn({ type: 'resume' }, { state: pausedState(inIntro), player: inIntro, newSession: false });
    expect(play(result).from).toEqual({ segment: 0, fraction: 0.5 });
  });

  it('resume in the gateway plays the step on from where it stopped, in the same variant', () => {
    const stopped = player('stopped');
    const result = turn({ type: 'resume' }, { state: pausedState(stopped), player: stopped, newSession: false });
    expect(play(result).from).toEqual(stopped.point);
    expect(play(result).item.variant).toEqual(stopped.item.variant);
    expect(texts(result)).toEqual([]);
  });

  it('"Alexa, pause" when nothing plays (days later) keeps the place and ends, without a gateway', () => {
    const stopped = player('stopped');
    const result = turn({ type: 'pause' }, { player: stopped });
    expect(texts(result)).toEqual([lines.audioStillPaused]);
    expect(result.plan.endSession).toBe(true);
    expect(result.plan.audio).toBeUndefined();
    expect(result.state).toEqual({ mode: 'menu' });
  });

  it('pause said again in the gateway ends the session with the place and its point kept', () => {
    const stopped = player('stopped');
    const result = turn({ type: 'pause' }, { state: pausedState(stopped), player: stopped, newSession: false });
    expect(result.plan.endSession).toBe(true);
    expect(texts(result)).toEqual([lines.audioStillPaused]);
    expect(result.update?.paused?.place).toMatchObject({ routineId: 'foot', stepIndex: 2, point: stopped.point });
  });

  it('a warning sign in the gateway gets its tier answer and keeps the place, exactly as spoken', () => {
    const stopped = player('stopped');
    const result = turn(
      { type: 'warningSign', sign: 'bleeding' },
      { state: pausedState(stopped), player: stopped, newSession: false },
    );
    const spoken = turn({ type: 'warningSign', sign: 'bleeding' }, { profile: profileWith({ handsFree: 'off' }) });
    expect(texts(result)).toEqual(texts(spoken));
    expect(result.plan.audio).toBeUndefined();
    expect(result.update?.paused?.place).toMatchObject({ routineId: 'foot', stepIndex: 2, point: stopped.point });
  });

  it('"it hurts" halts; carry on then plays the step again from its start', () => {
    const stopped = player('stopped');
    const hurt = turn({ type: 'discomfort' }, { state: pausedState(stopped), player: stopped, newSession: false });
    expect(hurt.state.mode).toBe('halted');
    expect(hurt.plan.audio).toBeUndefined();
    const again = turn(
      { type: 'resume' },
      { state: hurt.state, profile: hurt.profile, player: stopped, newSession: false },
    );
    expect(play(again).item.stepIndex).toBe(2);
    expect(play(again).from).toEqual({ segment: 0, fraction: 0 });
  });

  it('what is not understood halts the routine: the audio does not go on by itself', () => {
    const stopped = player('stopped');
    const result = turn({ type: 'fallback' }, { state: pausedState(stopped), player: stopped, newSession: false });
    expect(result.state.mode).toBe('halted');
    expect(result.plan.audio).toBeUndefined();
    expect(result.plan.listen).toBe(true);
  });
});

function pausedState(at: PlayerPlace): CoachState {
  return {
    mode: 'audio',
    routineId: at.item.routineId,
    resumeAt: { stepIndex: at.item.stepIndex, offset: at.offset },
    point: at.point,
  };
}

describe('commands said without the skill name while a routine plays', () => {
  it.each([
    ['next', { type: 'next' }, 3],
    ['previous', { type: 'previous' }, 1],
    ['repeat', { type: 'repeat' }, 2],
    ['start over', { type: 'startOver' }, 0],
    ['go to step 5', { type: 'goToStep', step: 5 }, 4],
  ] as const)('%s plays a step from its start, replacing what plays', (_name, event, stepIndex) => {
    const result = turn(event, { player: player() });
    expect(play(result).item).toMatchObject({ routineId: 'foot', stepIndex, attempt: 1, issuedAt: NOW });
    expect(play(result).from).toEqual({ segment: 0, fraction: 0 });
    expect(result.plan.endSession).toBe(true);
    expect(result.plan.listen).toBe(false);
  });

  it('next at a step boundary of a finished step (step by step) plays the step after it', () => {
    const finished = player('finished', {
      item: item({ flow: 'stepByStep' }),
      offset: 90,
      point: { segment: 4, fraction: 1 },
    });
    expect(play(turn({ type: 'next' }, { player: finished })).item.stepIndex).toBe(3);
    expect(play(turn({ type: 'resume' }, { player: finished })).item.stepIndex).toBe(3);
    expect(play(turn({ type: 'previous' }, { player: finished })).item.stepIndex).toBe(2);
  });

  it('after a step finished in step-by-step flow, the place its report saved (the next step) is no change made elsewhere', () => {
    const finished = player('finished', {
      item: item({ flow: 'stepByStep' }),
      offset: 90,
      point: { segment: 4, fraction: 1 },
    });
    const saved: PausedPlace = {
      routineId: 'foot',
      stepIndex: 3,
      stepId: foot.steps[3]?.id ?? '',
      at: ISSUED + 90_000,
    };
    const profile = profileWith({ flow: 'stepByStep' }, { paused: saved, pausedAt: saved.at });
    expect(play(turn({ type: 'next' }, { player: finished, profile })).item.stepIndex).toBe(3);
    expect(play(turn({ type: 'resume' }, { player: finished, profile })).item.stepIndex).toBe(3);
  });

  it('next on the last step says the closing, counts the practice and stops the audio', () => {
    const lastStep = player('playing', { item: item({ stepIndex: foot.steps.length - 1 }) });
    const result = turn({ type: 'next' }, { player: lastStep });
    expect(result.plan.audio).toEqual({ kind: 'stop' });
    expect(texts(result)).toContain(foot.closing);
    expect(result.update?.practice).toHaveLength(1);
  });

  it('"how much longer" while it plays answers and lets the audio go on', () => {
    const result = turn({ type: 'status' }, { player: player() });
    expect(result.plan.audio).toEqual({ kind: 'keepPlaying' });
    expect(result.plan.endSession).toBe(true);
    expect(texts(result)[0]).toBe(lines.statusStep(3, foot.steps.length, foot.steps[2]?.title ?? '', foot.name));
  });

  it('resume while it plays says so and changes nothing', () => {
    const result = turn({ type: 'resume' }, { player: player() });
    expect(result.plan.audio).toEqual({ kind: 'keepPlaying' });
    expect(texts(result)).toEqual([lines.audioAlreadyPlaying]);
    expect([result.plan.listen, result.plan.endSession]).toEqual([false, true]);
  });

  it('resume while it plays in another flow than the preference plays it again in that flow, from the same point', () => {
    const result = turn({ type: 'resume' }, { player: player(), profile: profileWith({ flow: 'stepByStep' }) });
    expect(play(result).item).toMatchObject({ stepIndex: 2, flow: 'stepByStep' });
    expect(play(result).from).toEqual({ segment: 2, fraction: 0.25 });
  });

  it('loop and shuffle get a short answer and the audio goes on', () => {
    const result = turn({ type: 'playOrder' }, { player: player() });
    expect(texts(result)).toEqual([lines.playOrder]);
    expect(result.plan.audio).toEqual({ kind: 'keepPlaying' });
  });

  it('cancel clears the queue and the place, so a later resume finds nothing paused', () => {
    const profile = profileWith(
      {},
      { paused: { routineId: 'foot', stepIndex: 2, at: ISSUED + 1000 }, pausedAt: ISSUED + 1000 },
    );
    const cancelled = turn({ type: 'cancel' }, { player: player(), profile });
    expect(cancelled.plan.audio).toEqual({ kind: 'clear' });
    expect(cancelled.update?.paused).toEqual({ place: null, at: NOW });
    expect(texts(cancelled)).toEqual([lines.audioCancelled(foot.name, 3)]);
    expect([cancelled.plan.endSession, cancelled.state]).toEqual([true, { mode: 'menu' }]);
    const later = decide({
      state: { mode: 'menu' },
      profile: cancelled.profile,
      event: { type: 'resume' },
      now: NOW + 86_400_000,
      updateId: 'later',
      catalogue,
      wording: lines,
      canPlayAudio: true,
      player: player('stopped'),
      newSession: true,
    });
    expect(later.plan.audio).toBeUndefined();
    expect(texts(later)[0]).toBe(lines.nothingPaused);
  });

  it('cancel keeps another routine’s paused place, as of now', () => {
    const other: PausedPlace = { routineId: 'lowerBack', stepIndex: 1, at: ISSUED - 5000 };
    const result = turn(
      { type: 'cancel' },
      { player: player(), profile: profileWith({}, { paused: other, pausedAt: other.at }) },
    );
    expect(result.update?.paused?.place).toMatchObject({ routineId: 'lowerBack', stepIndex: 1, at: NOW });
  });

  it('a place paused elsewhere after the item was issued wins over the player', () => {
    const other: PausedPlace = { routineId: 'lowerBack', stepIndex: 3, at: ISSUED + 5000 };
    const result = turn(
      { type: 'resume' },
      { player: player('stopped'), profile: profileWith({}, { paused: other, pausedAt: other.at }) },
    );
    expect(texts(result)[0]).toBe(lines.resumingAt(lowerBack.name, 4));
  });

  it('with nothing stored (the store unreadable) the player alone says where she is', () => {
    const result = turn(
      { type: 'resume' },
      { player: player('stopped'), profile: { ...newProfile(), preferences: DEFAULT_PREFERENCES } },
    );
    expect(play(result).item).toMatchObject({ routineId: 'foot', stepIndex: 2 });
    expect(play(result).from).toEqual({ segment: 2, fraction: 0.25 });
  });

  it('with the store unreadable, the step goes on in the variant and flow its token names, not the defaults', () => {
    const firm = player('stopped', {
      item: item({ variant: { pressure: 'firm', speechRate: 'slower', pace: 'quicker' }, flow: 'stepByStep' }),
    });
    const unread = { ...newProfile(), preferences: DEFAULT_PREFERENCES };
    const result = decide({
      state: { mode: 'menu' },
      profile: unread,
      event: { type: 'resume' },
      now: NOW,
      updateId: 'unread',
      catalogue,
      wording: lines,
      canPlayAudio: true,
      player: firm,
      newSession: true,
      profileUnread: true,
    });
    expect(play(result).item).toMatchObject({ variant: firm.item.variant, flow: 'stepByStep' });
    // A profile that was read, even one with the defaults, is what she chose.
    const read = turn({ type: 'resume' }, { player: firm, profile: unread });
    expect(play(read).item).toMatchObject({ variant: { pressure: 'gentle' }, flow: 'continuous' });
  });

  it('a player whose audio failed twice: the step is spoken instead, and the answer says why', () => {
    const failed: PausedPlace = {
      routineId: 'foot',
      stepIndex: 2,
      point: { segment: 2, fraction: 0.25 },
      audioFailed: true,
      at: NOW - 1000,
    };
    const result = turn(
      { type: 'resume' },
      { player: player('stopped'), profile: profileWith({}, { paused: failed, pausedAt: failed.at }) },
    );
    expect(result.plan.audio).toBeUndefined();
    expect(texts(result)[0]).toBe(lines.audioFailed);
    expect(result.plan.listen).toBe(true);
  });
});

describe('hands-free mode', () => {
  it('the routine opens spoken and waits for ready; ready plays step 1 with the pause hint first', () => {
    const opened = turn({ type: 'start', routineId: 'foot' });
    expect(opened.plan.audio).toBeUndefined();
    expect(opened.plan.listen).toBe(true);
    // The commands said without "Alexa, pause" first are only the name-free ones.
    expect(texts(opened)).toContain(lines.openingInviteHandsFree);
    expect(texts(opened)).not.toContain(lines.openingInvite);
    const ready = turn({ type: 'resume' }, { state: opened.state, profile: opened.profile, newSession: false });
    expect(play(ready).item).toMatchObject({ routineId: 'foot', stepIndex: 0, flow: 'continuous' });
    expect(texts(ready)).toEqual([lines.audioStartHint]);
    expect(play(ready).nowPlaying).toEqual({
      title: foot.name,
      subtitle: lines.nowPlayingStep(1, foot.steps.length, foot.steps[0]?.title ?? ''),
      area: foot.steps[0]?.area,
      areaName: lines.screen.areas[foot.steps[0]?.area ?? 'wholeFoot'],
    });
  });

  it('is never used on a device without an audio player: the routine is spoken', () => {
    const opened = turn({ type: 'start', routineId: 'foot' }, { canPlayAudio: false });
    expect(texts(opened)).toContain(lines.openingInvite);
    const ready = turn(
      { type: 'resume' },
      { state: opened.state, profile: opened.profile, newSession: false, canPlayAudio: false },
    );
    expect(ready.plan.audio).toBeUndefined();
    expect(ready.plan.segments.some((s) => s.kind === 'silence')).toBe(true);
  });

  it.each([
    ['yes', { type: 'yes' }],
    ['ready', { type: 'resume' }],
    ['next', { type: 'next' }],
  ] as const)('"start foot massage hands free", then %s, plays it as audio with the preference off', (_word, event) => {
    const profile = profileWith({ handsFree: 'off' });
    const opened = turn({ type: 'start', routineId: 'foot', handsFree: true }, { profile });
    const ready = turn(event, { state: opened.state, profile: opened.profile, newSession: false });
    expect(play(ready).item.stepIndex).toBe(0);
    expect(ready.profile.preferences.handsFree).toBe('off');
  });

  it('a routine started without "hands free" is spoken while the preference is off', () => {
    const profile = profileWith({ handsFree: 'off' });
    const opened = turn({ type: 'start', routineId: 'foot' }, { profile });
    expect(
      turn({ type: 'resume' }, { state: opened.state, profile: opened.profile, newSession: false }).plan.audio,
    ).toBeUndefined();
  });

  it('is offered once, at a routine’s opening, on a device that can play it', () => {
    const fresh = profileWith({ handsFree: 'off' }, { handsFreeOffered: false });
    const first = turn({ type: 'start', routineId: 'hand' }, { profile: fresh });
    expect(texts(first)).toContain(lines.handsFreeOffer);
    expect(first.update?.handsFreeOffered).toBe(true);
    const second = turn({ type: 'start', routineId: 'hand' }, { profile: first.profile });
    expect(texts(second)).not.toContain(lines.handsFreeOffer);
    const speaker = turn({ type: 'start', routineId: 'hand' }, { profile: fresh, canPlayAudio: false });
    expect(texts(speaker)).not.toContain(lines.handsFreeOffer);
  });

  it('turned on mid-routine, the step that was playing goes on as audio from its start', () => {
    const spoken = profileWith({ handsFree: 'off' });
    const opened = turn({ type: 'start', routineId: 'hand' }, { profile: spoken });
    const going = turn({ type: 'resume' }, { state: opened.state, profile: opened.profile, newSession: false });
    expect(going.plan.audio).toBeUndefined();
    const on = turn({ type: 'handsFree', on: true }, { state: going.state, profile: going.profile, newSession: false });
    expect(texts(on)[0]).toBe(lines.handsFreeOn);
    expect(play(on).item).toMatchObject({ routineId: 'hand', stepIndex: 0 });
    expect(on.update?.preferences?.handsFree?.value).toBe('on');
  });

  it('turned on while the routine waits for ready, it keeps waiting, then plays on ready', () => {
    const spoken = profileWith({ handsFree: 'off' }, { handsFreeOffered: false });
    const opened = turn({ type: 'start', routineId: 'hand' }, { profile: spoken });
    expect(texts(opened)).toContain(lines.handsFreeOffer);
    const on = turn(
      { type: 'handsFree', on: true },
      { state: opened.state, profile: opened.profile, newSession: false },
    );
    expect(on.plan.audio).toBeUndefined();
    expect(on.plan.listen).toBe(true);
    const ready = turn({ type: 'resume' }, { state: on.state, profile: on.profile, newSession: false });
    expect(play(ready).item).toMatchObject({ routineId: 'hand', stepIndex: 0 });
  });

  it('turned off in the gateway, the step is spoken from its start and the audio stays stopped', () => {
    const stopped = player('stopped');
    const off = turn(
      { type: 'handsFree', on: false },
      { state: pausedState(stopped), player: stopped, newSession: false },
    );
    expect(off.plan.audio).toBeUndefined();
    expect(texts(off)[0]).toBe(lines.handsFreeOff);
    expect(off.state.mode).toBe('routine');
    expect(off.plan.segments.some((s) => s.kind === 'speech' && s.step === 2)).toBe(true);
  });

  it('turned on when it is on already, nothing is written', () => {
    const result = turn({ type: 'handsFree', on: true });
    expect(texts(result)[0]).toBe(lines.handsFreeOn);
    expect(result.update).toBeUndefined();
  });

  it('turned on while halted, the routine stays halted and says what it waits for', () => {
    const stopped = player('stopped');
    const hurt = turn({ type: 'discomfort' }, { state: pausedState(stopped), player: stopped, newSession: false });
    const on = turn(
      { type: 'handsFree', on: true },
      { state: hurt.state, profile: hurt.profile, player: stopped, newSession: false },
    );
    expect(on.state.mode).toBe('halted');
    expect(on.plan.audio).toBeUndefined();
    expect(texts(on)).toEqual([lines.handsFreeOn, lines.discomfortChoice]);
  });

  it('turned on where no audio can play, it is kept for the speakers that can', () => {
    const result = turn(
      { type: 'handsFree', on: true },
      { profile: profileWith({ handsFree: 'off' }), canPlayAudio: false },
    );
    expect(texts(result)[0]).toBe(lines.handsFreeOnElsewhere);
    expect(result.profile.preferences.handsFree).toBe('on');
  });

  it('a paused place with a point goes on from that point once she is back in position', () => {
    const place: PausedPlace = {
      routineId: 'foot',
      stepIndex: 2,
      stepId: foot.steps[2]?.id ?? '',
      point: { segment: 3, fraction: 0.5 },
      at: NOW - 86_400_000,
    };
    const offered = turn({ type: 'resume' }, { profile: profileWith({}, { paused: place, pausedAt: place.at }) });
    expect(offered.plan.listen).toBe(true);
    const ready = turn({ type: 'yes' }, { state: offered.state, profile: offered.profile, newSession: false });
    expect(play(ready).item.stepIndex).toBe(2);
    expect(play(ready).from).toEqual({ segment: 3, fraction: 0.5 });
  });

  it('launching the skill while it plays stops the audio and keeps the place with its point', () => {
    const result = turn({ type: 'launch' }, { player: player() });
    expect(result.plan.audio).toEqual({ kind: 'stop' });
    expect(result.update?.paused?.place).toMatchObject({
      routineId: 'foot',
      stepIndex: 2,
      point: { segment: 2, fraction: 0.25 },
    });
  });

  it('"hold on" while it plays keeps the place and ends, to be resumed by name-free resume', () => {
    const result = turn({ type: 'wait', seconds: 60 }, { player: player() });
    expect(texts(result)).toEqual([lines.audioWait]);
    expect([result.plan.endSession, result.state]).toEqual([true, { mode: 'menu' }]);
    expect(result.plan.audio).toEqual({ kind: 'stop' });
    expect(result.update?.paused?.place).toMatchObject({ stepIndex: 2, point: { segment: 2, fraction: 0.25 } });
  });
});

describe('which player a session starts from', () => {
  it('a token naming a step the routine lacks is no player of the skill’s', () => {
    const beyond = player('playing', { item: item({ stepIndex: foot.steps.length }) });
    const result = turn({ type: 'next' }, { player: beyond });
    expect(result.plan.audio).toBeUndefined();
    expect(texts(result)[0]).toBe(lines.noRoutineGoing);
  });

  it('only a session’s first turn starts from the player: at the menu mid-session, next finds no routine', () => {
    const result = turn({ type: 'next' }, { state: { mode: 'menu' }, player: player('stopped'), newSession: false });
    expect(result.plan.audio).toBeUndefined();
    expect(texts(result)[0]).toBe(lines.noRoutineGoing);
  });

  it('a place saved at another step of the same routine after the item was issued wins over the player', () => {
    const later: PausedPlace = { routineId: 'foot', stepIndex: 5, at: ISSUED + 1 };
    const result = turn(
      { type: 'resume' },
      { player: player('stopped'), profile: profileWith({}, { paused: later, pausedAt: later.at }) },
    );
    expect(texts(result)[0]).toBe(lines.resumingAt(foot.name, 6));
  });

  it('the step after the item counts as its own place only once the item finished', () => {
    const next: PausedPlace = { routineId: 'foot', stepIndex: 3, at: ISSUED + 1 };
    const profile = profileWith({}, { paused: next, pausedAt: next.at });
    const finished = player('finished', { item: item({ flow: 'stepByStep' }) });
    expect(play(turn({ type: 'next' }, { player: finished, profile })).item.stepIndex).toBe(3);
    const stopped = turn({ type: 'resume' }, { player: player('stopped'), profile });
    expect(texts(stopped)[0]).toBe(lines.resumingAt(foot.name, 4));
  });

  it('a place saved at the very moment the item was issued does not outrank it', () => {
    const same: PausedPlace = { routineId: 'lowerBack', stepIndex: 1, at: ISSUED };
    const result = turn(
      { type: 'resume' },
      { player: player('stopped'), profile: profileWith({}, { paused: same, pausedAt: ISSUED }) },
    );
    expect(play(result).item).toMatchObject({ routineId: 'foot', stepIndex: 2 });
  });

  it.each([
    ['another step', { stepIndex: 4, at: ISSUED }],
    ['an older item', { stepIndex: 2, at: ISSUED - 1 }],
  ])('audio that failed on %s does not stop this item playing', (_what, where) => {
    const failed: PausedPlace = { routineId: 'foot', point: { segment: 1, fraction: 0 }, audioFailed: true, ...where };
    const result = turn(
      { type: 'resume' },
      { player: player('stopped'), profile: profileWith({}, { paused: failed, pausedAt: failed.at }) },
    );
    expect(result.plan.audio?.kind).toBe('play');
  });
});

describe('answers while the routine plays as audio', () => {
  it('"how much longer" in the gateway answers, then plays on from the same point', () => {
    const stopped = player('stopped');
    const result = turn({ type: 'status' }, { state: pausedState(stopped), player: stopped, newSession: false });
    expect(texts(result)[0]).toBe(lines.statusStep(3, foot.steps.length, foot.steps[2]?.title ?? '', foot.name));
    expect(play(result).from).toEqual(stopped.point);
  });

  it('an answer while it plays in another flow than the preference plays it again in that flow', () => {
    const result = turn({ type: 'status' }, { player: player(), profile: profileWith({ flow: 'stepByStep' }) });
    expect(play(result).item.flow).toBe('stepByStep');
  });

  it('an answer after a step played to its end (step by step) waits for next, as the spoken flow does', () => {
    const finished = player('finished', { item: item({ flow: 'stepByStep' }), point: { segment: 4, fraction: 1 } });
    const result = turn({ type: 'status' }, { player: finished, profile: profileWith({ flow: 'stepByStep' }) });
    expect(result.plan.audio).toBeUndefined();
    expect(result.plan.listen).toBe(true);
    expect(texts(result).at(-1)).toBe(lines.waitForNext(4, foot.steps[3]?.title ?? ''));
    const next = turn(
      { type: 'next' },
      { state: result.state, profile: result.profile, player: finished, newSession: false },
    );
    expect(play(next).item.stepIndex).toBe(3);
  });
});
