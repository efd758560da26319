/**
 * Reminder requests as Alexa sends them, read as untrusted text: AMAZON.TIME and AMAZON.DayOfWeek
 * slots, the RemindMe and ChangeReminder intents' slots together, the permission token, and a
 * stored reminder or schedule read back.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { MAX_REMINDER_ID_LENGTH, readReminder, readSchedule } from '../../lambda/core/schedule';
import { INTENT_EVENTS, Intent } from '../../lambda/handlers/intents';
import {
  permissionAnswerOf,
  permissionDirective,
  REMINDERS_SCOPE,
  remindersPermitted,
  scheduleFromToken,
} from '../../lambda/handlers/permission';
import { parseDaySlot, parseTimeSlot } from '../../lambda/handlers/slots';

type Slots = Record<string, { value?: unknown; resolutions?: unknown }>;

function inputWith(slots: Slots | undefined, name = 'RemindMeIntent'): HandlerInput {
  const request = { type: 'IntentRequest', intent: { name, slots } };
  return { requestEnvelope: { request } } as unknown as HandlerInput;
}

/** A custom slot resolved to an id, as entity resolution reports it. */
function resolved(value: string, id: string) {
  return {
    value,
    resolutions: { resolutionsPerAuthority: [{ status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id } }] }] },
  };
}

describe('AMAZON.TIME', () => {
  it.each([
    ['20:00', { hour: 20, minute: 0 }],
    ['07:30', { hour: 7, minute: 30 }],
    ['00:00', { hour: 0, minute: 0 }],
    ['EV', { partOfDay: 'evening' }],
    ['mo', { partOfDay: 'morning' }],
    ['AF', { partOfDay: 'afternoon' }],
    ['NI', { partOfDay: 'night' }],
  ])('reads %s', (value, heard) => {
    expect(parseTimeSlot(inputWith({ time: { value } }), 'time')).toEqual(heard);
  });

  it.each([['24:00'], ['12:60'], ['8'], ['T20:00'], ['?'], [''], [42], [undefined]])(
    'leaves %p unread: not a time of day the skill can use',
    (value) => {
      expect(parseTimeSlot(inputWith({ time: { value } }), 'time')).toBeUndefined();
    },
  );
});

describe('AMAZON.DayOfWeek', () => {
  it.each([
    ['monday', 'MO'],
    ['Mondays', 'MO'],
    ['thurs', 'TH'],
    [' Sunday ', 'SU'],
  ])('reads %p as %s', (value, day) => {
    expect(parseDaySlot(inputWith({ day: { value } }), 'day')).toBe(day);
  });

  it.each([['someday'], ['mo'], [''], [7], [undefined]])('leaves %p unread', (value) => {
    expect(parseDaySlot(inputWith({ day: { value } }), 'day')).toBeUndefined();
  });
});

describe('a reminder request, all its slots together', () => {
  const remind = (slots: Slots) => INTENT_EVENTS[Intent.RemindMe](inputWith(slots));

  it('days named win over how often; the time and part of the day are kept', () => {
    expect(
      remind({
        dayOne: { value: 'thursday' },
        dayTwo: { value: 'monday' },
        time: { value: '07:00' },
        partOfDay: resolved('evening', 'evening'),
        often: resolved('every day', 'daily'),
      }),
    ).toEqual({ type: 'remindMe', ask: { hour: 7, minute: 0, partOfDay: 'evening', days: ['TH', 'MO'] } });
  });

  it.each([
    ['weekdays', { days: ['MO', 'TU', 'WE', 'TH', 'FR'] }],
    ['weekends', { days: ['SA', 'SU'] }],
    ['daily', { daily: true }],
  ])('"%s" is its days', (id, ask) => {
    expect(remind({ often: resolved(id, id) })).toEqual({ type: 'remindMe', ask });
  });

  it('a part of the day from the time slot ("in the evening") counts as heard', () => {
    expect(remind({ time: { value: 'EV' } })).toEqual({ type: 'remindMe', ask: { partOfDay: 'evening' } });
  });

  it('nothing heard is an empty ask, which the core answers by asking when', () => {
    expect(remind({})).toEqual({ type: 'remindMe', ask: {} });
    expect(INTENT_EVENTS[Intent.ChangeReminder](inputWith(undefined, 'ChangeReminderIntent'))).toEqual({
      type: 'changeReminder',
      ask: {},
    });
  });

  it('a longer session reads its length in whole minutes, or none', () => {
    const long = (value?: string) =>
      INTENT_EVENTS[Intent.LongSession](inputWith(value === undefined ? {} : { duration: { value } }));
    expect(long('PT20M')).toEqual({ type: 'longSession', minutes: 20 });
    expect(long('PT1H')).toEqual({ type: 'longSession', minutes: 60 });
    expect(long()).toEqual({ type: 'longSession' });
  });
});

describe('the permission request and its answer', () => {
  const schedule = { days: ['MO' as const, 'TH' as const], hour: 19, minute: 0 };

  it('the token carries the schedule there and back', () => {
    const directive = permissionDirective(schedule) as { token: string };
    expect(scheduleFromToken(directive.token)).toEqual(schedule);
  });

  it.each([
    ["another skill's token", 'abc'],
    ["a token too long to be the skill's", `reminder:${' '.repeat(400)}`],
    ['a token that is not JSON', 'reminder:{hour'],
    ['a schedule out of range', 'reminder:{"days":[],"hour":25,"minute":0}'],
    ['no token', undefined],
  ])('%s carries no schedule', (_title, token) => {
    expect(scheduleFromToken(token)).toBeUndefined();
  });

  const envelope = (request: unknown, permissions?: unknown) =>
    ({ request, context: { System: { user: { permissions } } } }) as unknown as RequestEnvelope;

  it.each([
    ['ACCEPTED', 'accepted'],
    ['DENIED', 'denied'],
    ['NOT_ANSWERED', 'notAnswered'],
    ['MAYBE', 'notAnswered'],
    [undefined, 'notAnswered'],
  ])('a payload status of %p is %s', (status, answer) => {
    expect(permissionAnswerOf(envelope({ type: 'Connections.Response', payload: { status } }))).toBe(answer);
  });

  it('the permission counts as granted only when the request says GRANTED for the reminders scope', () => {
    expect(remindersPermitted(envelope({}, { scopes: { [REMINDERS_SCOPE]: { status: 'GRANTED' } } }))).toBe(true);
    expect(remindersPermitted(envelope({}, { scopes: { [REMINDERS_SCOPE]: { status: 'DENIED' } } }))).toBe(false);
    expect(remindersPermitted(envelope({}, { scopes: { 'alexa::other': { status: 'GRANTED' } } }))).toBe(false);
    expect(remindersPermitted(envelope({}, undefined))).toBe(false);
  });
});

describe('a schedule or reminder read back from untrusted data', () => {
  it('all seven days is every day, kept one way; days in week order, each once', () => {
    expect(readSchedule({ days: ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'], hour: 8, minute: 0 })).toEqual({
      days: [],
      hour: 8,
      minute: 0,
    });
    expect(readSchedule({ days: ['TH', 'MO', 'TH'], hour: 8, minute: 0 })?.days).toEqual(['MO', 'TH']);
  });

  it.each([
    ['an hour of 24', { days: [], hour: 24, minute: 0 }],
    ['a minute of 60', { days: [], hour: 8, minute: 60 }],
    ['half an hour', { days: [], hour: 8.5, minute: 0 }],
    ['an unknown day', { days: ['XX'], hour: 8, minute: 0 }],
    ['more days than a week', { days: Array(8).fill('MO'), hour: 8, minute: 0 }],
    ['no days list', { hour: 8, minute: 0 }],
    ['a list', [8, 0]],
    ['nothing', null],
  ])('%s is no schedule', (_title, value) => {
    expect(readSchedule(value)).toBeUndefined();
  });

  it.each([
    ['no id', { schedule: { days: [], hour: 8, minute: 0 } }],
    ['an empty id', { id: '', schedule: { days: [], hour: 8, minute: 0 } }],
    ['an id too long', { id: 'x'.repeat(MAX_REMINDER_ID_LENGTH + 1), schedule: { days: [], hour: 8, minute: 0 } }],
    ['a bad schedule', { id: 'r', schedule: { days: [], hour: 99, minute: 0 } }],
    ['a list', ['r']],
  ])('a reminder with %s is none', (_title, value) => {
    expect(readReminder(value)).toBeNull();
  });
});
