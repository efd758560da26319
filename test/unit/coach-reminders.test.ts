/**
 * The reminder conversation in the core: what a request means, the offer after a finished routine,
 * the permission asked for when it is missing, and a truthful answer for every outcome of the
 * change at Alexa. Driven through `decide`, as the handlers drive it.
 */
import { catalogue, lines } from '../../lambda/content';
import { type CoachState, type Decision, decide } from '../../lambda/core/coach';
import { scheduleOf, suggestedSchedule } from '../../lambda/core/coach/reminders';
import type { CoachEvent, OutsideFailure, ReminderOutcome } from '../../lambda/core/events';
import { newProfile, type UserProfile } from '../../lambda/core/profile';
import type { ReminderAction, ReminderAsk, ReminderSchedule } from '../../lambda/core/schedule';

/** Friday 27 November 2026, 20:10 in London (UTC in winter). */
const NOW = Date.parse('2026-11-27T20:10:00Z');

const known: UserProfile = { ...newProfile(), disclaimerHeard: true, screeningHeard: true };
const EIGHT_PM: ReminderSchedule = { days: [], hour: 20, minute: 0 };
const MON_THU_SEVEN: ReminderSchedule = { days: ['MO', 'TH'], hour: 19, minute: 0 };

interface Options {
  readonly state?: CoachState;
  readonly profile?: UserProfile;
  readonly permitted?: boolean;
  readonly now?: number;
}

function turn(event: CoachEvent, options: Options = {}): Decision {
  return decide({
    state: options.state ?? { mode: 'menu' },
    profile: options.profile ?? known,
    event,
    now: options.now ?? NOW,
    updateId: 'turn-1',
    catalogue,
    wording: lines,
    remindersPermitted: options.permitted ?? true,
  });
}

function said(decision: Decision): string {
  return decision.plan.segments.map((segment) => (segment.kind === 'speech' ? segment.text : '')).join(' ');
}

function reminderEffect(decision: Decision): ReminderAction | undefined {
  const effect = decision.effects.find((each) => each.type === 'reminder');
  return effect?.type === 'reminder' ? effect.action : undefined;
}

function done(outcome: ReminderOutcome, options: Options = {}): Decision {
  return turn({ type: 'reminderDone', outcome }, options);
}

describe('what a reminder request means', () => {
  it.each<[string, ReminderAsk, ReminderSchedule | undefined]>([
    ['"at eight in the evening" is 20:00 every day', { hour: 8, minute: 0, partOfDay: 'evening' }, EIGHT_PM],
    ['"at 20:00" stays 20:00', { hour: 20, minute: 0 }, EIGHT_PM],
    ['"at five" with no part of the day is 5 p.m.', { hour: 5, minute: 0 }, { days: [], hour: 17, minute: 0 }],
    ['"at eight" with no part of the day is 8 a.m.', { hour: 8, minute: 0 }, { days: [], hour: 8, minute: 0 }],
    [
      '"twelve in the morning" is midnight',
      { hour: 12, minute: 0, partOfDay: 'morning' },
      { days: [], hour: 0, minute: 0 },
    ],
    ['"every evening" alone is 8 in the evening', { partOfDay: 'evening' }, EIGHT_PM],
    [
      '"Thursdays and Mondays at seven in the evening" is in week order',
      { days: ['TH', 'MO'], hour: 7, minute: 0, partOfDay: 'evening' },
      MON_THU_SEVEN,
    ],
    ['"every day" with days named keeps every day', { daily: true, days: ['MO'], hour: 20, minute: 0 }, EIGHT_PM],
    ['no time and no part of the day is not a schedule yet', { days: ['MO'] }, undefined],
  ])('%s', (_title, ask, expected) => {
    expect(scheduleOf(ask)).toEqual(expected);
  });

  it('suggests the time she practises, rounded to the half hour, and the evening at night', () => {
    const at = (iso: string) => suggestedSchedule({ clock: turnClock(Date.parse(iso)) } as never);
    expect(at('2026-11-27T20:10:00Z')).toEqual({ days: [], hour: 20, minute: 0 });
    expect(at('2026-11-27T19:20:00Z')).toEqual({ days: [], hour: 19, minute: 30 });
    expect(at('2026-11-27T19:50:00Z')).toEqual({ days: [], hour: 20, minute: 0 });
    expect(at('2026-11-27T23:40:00Z')).toEqual(EIGHT_PM);
  });
});

function turnClock(at: number) {
  const date = new Date(at);
  return {
    day: date.toISOString().slice(0, 10),
    weekday: 'FR',
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
  };
}

describe('"remind me" at the menu', () => {
  it('with a time and the permission granted, asks the caller to set it', () => {
    const decision = turn({ type: 'remindMe', ask: { hour: 8, partOfDay: 'evening' } });
    expect(reminderEffect(decision)).toEqual({ kind: 'set', schedule: EIGHT_PM });
    expect(decision.plan.askPermission).toBeUndefined();
  });

  it('without the permission, asks for it by voice and carries the schedule, setting nothing yet', () => {
    const decision = turn({ type: 'remindMe', ask: { hour: 8, partOfDay: 'evening' } }, { permitted: false });
    expect(decision.plan.askPermission).toEqual({ schedule: EIGHT_PM });
    expect(decision.plan.endSession).toBe(true);
    expect(said(decision)).toMatch(/permission/);
    expect(reminderEffect(decision)).toBeUndefined();
  });

  it('without a time, asks when and keeps listening', () => {
    const decision = turn({ type: 'remindMe', ask: {} });
    expect(decision.state).toEqual({ mode: 'menu', question: { kind: 'reminderWhen' } });
    expect(decision.plan.listen).toBe(true);
    expect(said(decision)).toMatch(/When would you like it/);
  });

  it('a time not understood is asked for once more, then the menu takes over', () => {
    const asked = turn({ type: 'remindMe', ask: {} });
    const again = turn({ type: 'fallback' }, { state: asked.state });
    expect(said(again)).toMatch(/^When would you like it/);
    expect(again.state).toEqual({ mode: 'menu', question: { kind: 'reminderWhen' }, misses: 1 });
    const menu = turn({ type: 'fallback' }, { state: again.state });
    expect(said(menu)).not.toMatch(/When would you like it/);
    expect(turn({ type: 'yes' }, { state: asked.state }).state).toEqual(asked.state);
    expect(reminderEffect(turn({ type: 'no' }, { state: asked.state }))).toBeUndefined();
  });

  it('the same schedule as the one set already changes nothing at Alexa', () => {
    const profile = { ...known, reminder: { id: 'r-1', schedule: EIGHT_PM } };
    const decision = turn({ type: 'remindMe', ask: { hour: 20 } }, { profile });
    expect(reminderEffect(decision)).toBeUndefined();
    expect(said(decision)).toMatch(/already have a reminder every day at 8 in the evening/);
  });

  it('a new schedule while one is set replaces it', () => {
    const profile = { ...known, reminder: { id: 'r-1', schedule: EIGHT_PM } };
    const decision = turn({ type: 'changeReminder', ask: { hour: 19, days: ['TH', 'MO'] } }, { profile });
    expect(reminderEffect(decision)).toEqual({ kind: 'set', schedule: MON_THU_SEVEN, replacing: 'r-1' });
  });

  it('"change my reminder" without a time says what it is and asks for the new time', () => {
    const profile = { ...known, reminder: { id: 'r-1', schedule: MON_THU_SEVEN } };
    const decision = turn({ type: 'changeReminder', ask: {} }, { profile });
    expect(said(decision)).toMatch(/Your reminder is on Mondays and Thursdays at 7 in the evening\. What time/);
    expect(decision.state).toMatchObject({ question: { kind: 'reminderWhen' } });
  });

  it('"stop reminding me" deletes the one set; with none, says so and deletes nothing', () => {
    const profile = { ...known, reminder: { id: 'r-9', schedule: EIGHT_PM } };
    expect(reminderEffect(turn({ type: 'stopReminders' }, { profile }))).toEqual({ kind: 'delete', id: 'r-9' });
    const none = turn({ type: 'stopReminders' });
    expect(reminderEffect(none)).toBeUndefined();
    expect(said(none)).toMatch(/don't have a practice reminder/);
  });
});

describe('after the change at Alexa, the answer is the truth', () => {
  const set: ReminderAction = { kind: 'set', schedule: EIGHT_PM };

  it('set: the reminder id and schedule are kept, nothing else, and it is said in plain words', () => {
    const decision = done({ action: set, result: { kind: 'done', id: 'alert-1' } });
    expect(decision.profile.reminder).toEqual({ id: 'alert-1', schedule: EIGHT_PM });
    expect(decision.update?.reminder).toEqual({ record: { id: 'alert-1', schedule: EIGHT_PM }, at: NOW });
    expect(said(decision)).toMatch(
      /^Done\. I'll remind you to practi[cs]e every day at 8 in the evening, in your time zone\.$/,
    );
    expect(decision.plan.endSession).toBe(true);
  });

  it('replaced: says it changed', () => {
    const decision = done({ action: { ...set, replacing: 'old' }, result: { kind: 'done', id: 'new' } });
    expect(said(decision)).toMatch(/now every day at 8 in the evening/);
    expect(decision.profile.reminder?.id).toBe('new');
  });

  it.each<[OutsideFailure, RegExp]>([
    ['timeout', /didn't answer in time, so I haven't set a reminder/],
    ['unavailable', /aren't working just now, so I haven't set a reminder/],
    ['refused', /wouldn't take that one, so I haven't set a reminder/],
  ])('a %s sets nothing, keeps the old reminder, and says so', (why, heard) => {
    const profile = { ...known, reminder: { id: 'old', schedule: MON_THU_SEVEN } };
    const decision = done({ action: { ...set, replacing: 'old' }, result: { kind: 'failed', why } }, { profile });
    expect(said(decision)).toMatch(heard);
    expect(decision.profile.reminder).toEqual({ id: 'old', schedule: MON_THU_SEVEN });
    expect(decision.update).toBeUndefined();
  });

  it('no permission at Alexa (revoked since): asks for it again, once', () => {
    const decision = done({ action: set, result: { kind: 'noPermission' } });
    expect(decision.plan.askPermission).toEqual({ schedule: EIGHT_PM });
    const again = done({ action: { ...set, afterConsent: true }, result: { kind: 'noPermission' } });
    expect(again.plan.askPermission).toBeUndefined();
    expect(said(again)).toMatch(/haven't set a reminder/);
  });

  it('deleted: forgotten, and said', () => {
    const profile = { ...known, reminder: { id: 'r-9', schedule: EIGHT_PM } };
    const decision = done({ action: { kind: 'delete', id: 'r-9' }, result: { kind: 'done' } }, { profile });
    expect(decision.profile.reminder).toBeNull();
    expect(said(decision)).toMatch(/removed your practice reminder/);
  });

  it.each<[string, ReminderOutcome['result'], RegExp]>([
    ['a timeout', { kind: 'failed', why: 'timeout' }, /didn't answer in time, so your reminder is still on/],
    ['no permission', { kind: 'noPermission' }, /delete it in the reminders list of the Alexa app/],
  ])('a delete that ends in %s keeps the record and says the reminder is still there', (_title, result, heard) => {
    const profile = { ...known, reminder: { id: 'r-9', schedule: EIGHT_PM } };
    const decision = done({ action: { kind: 'delete', id: 'r-9' }, result }, { profile });
    expect(decision.profile.reminder?.id).toBe('r-9');
    expect(said(decision)).toMatch(heard);
  });
});

describe('the permission answer', () => {
  it('accepted: sets the reminder it was asked for, without asking again', () => {
    const decision = turn({ type: 'permission', answer: 'accepted', schedule: EIGHT_PM }, { permitted: false });
    expect(reminderEffect(decision)).toEqual({ kind: 'set', schedule: EIGHT_PM, afterConsent: true });
  });

  it('accepted without a readable schedule: asks when', () => {
    const decision = turn({ type: 'permission', answer: 'accepted' });
    expect(decision.state).toMatchObject({ question: { kind: 'reminderWhen' } });
  });

  it.each([
    ['denied', /haven't set a reminder\. If you change your mind/],
    ['notAnswered', /haven't set a reminder\. Say remind me whenever/],
  ] as const)('%s: nothing set, and says how to change her mind', (answer, heard) => {
    const decision = turn({ type: 'permission', answer, schedule: EIGHT_PM });
    expect(reminderEffect(decision)).toBeUndefined();
    expect(said(decision)).toMatch(heard);
  });
});

describe('the offer after a finished routine', () => {
  /** The hand routine played to its end, asking whether to finish. */
  function endOfHand(): CoachState {
    const hand = catalogue.get('hand');
    if (hand === undefined) throw new Error('no hand routine');
    return {
      mode: 'routine',
      routineId: 'hand',
      resumeAt: { stepIndex: hand.steps.length, offset: 0 },
      played: { sentAt: NOW - 5_000, spans: [] },
      question: { kind: 'continue' },
    };
  }

  /** The hand routine's last step answered with yes: the closing. */
  function finishHand(profile: UserProfile): Decision {
    return turn({ type: 'yes' }, { state: endOfHand(), profile });
  }

  it('comes once, after the closing, suggesting about now every day; yes sets it', () => {
    const first = finishHand(known);
    expect(said(first)).toMatch(
      /That's the end of hand massage\..*Would you like a reminder every day at 8 in the evening\?/,
    );
    expect(first.state).toEqual({ mode: 'menu', question: { kind: 'reminder', schedule: EIGHT_PM, after: 'hand' } });
    expect(first.profile.reminderOffered).toBe(true);
    const yes = turn({ type: 'yes' }, { state: first.state, profile: first.profile });
    expect(reminderEffect(yes)).toEqual({ kind: 'set', schedule: EIGHT_PM });
  });

  it('no thanks: nothing set, the session ends kindly', () => {
    const first = finishHand(known);
    const no = turn({ type: 'no' }, { state: first.state, profile: first.profile });
    expect(reminderEffect(no)).toBeUndefined();
    expect(said(no)).toMatch(/no reminder\. Say remind me any time/);
    expect(no.plan.endSession).toBe(true);
    // A screen goes on showing the routine's closing.
    expect(no.plan.view).toMatchObject({ kind: 'closing', routineId: 'hand' });
  });

  it.each(['stop', 'cancel', 'pause'] as const)(
    '"%s" at the end closes as asked, without the offer, which waits for another time',
    (type) => {
      const decision = turn({ type }, { state: endOfHand() });
      expect(said(decision)).toMatch(/That's the end of hand massage\./);
      expect(said(decision)).not.toMatch(/reminder/);
      expect(decision.plan.endSession).toBe(true);
      expect(decision.profile.reminderOffered).toBe(false);
    },
  );

  it('is not made again once offered, nor while a reminder is set', () => {
    expect(finishHand({ ...known, reminderOffered: true }).plan.endSession).toBe(true);
    const withReminder = finishHand({ ...known, reminder: { id: 'r', schedule: EIGHT_PM } });
    expect(said(withReminder)).not.toMatch(/Would you like a reminder/);
  });
});

describe('during a routine or labour', () => {
  it('a reminder request waits: the routine carries on, and nothing is set', () => {
    const state: CoachState = {
      mode: 'routine',
      routineId: 'foot',
      resumeAt: { stepIndex: 1, offset: 0 },
      played: { sentAt: NOW - 3_000, spans: [[0, 0, 200, 0]] },
    };
    const decision = turn({ type: 'remindMe', ask: { hour: 20 } }, { state });
    expect(reminderEffect(decision)).toBeUndefined();
    expect(said(decision)).toMatch(/^Ask me about reminders once you've finished/);
    expect(decision.state.mode).toBe('routine');
  });

  it('in labour, stays with the contractions', () => {
    const decision = turn({ type: 'stopReminders' }, { state: { mode: 'labour' } });
    expect(decision.state.mode).toBe('labour');
    expect(reminderEffect(decision)).toBeUndefined();
  });
});
