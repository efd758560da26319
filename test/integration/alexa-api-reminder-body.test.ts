/**
 * The pure parts of the Alexa API client: the recurrence rule, the next occurrence in the user's
 * zone (either side of local midnight and across daylight-saving changes), the request body, and
 * the turn's Deadline.
 */
import { Deadline, nextOccurrence, recurrenceRule, reminderRequest } from '../../lambda/alexa-api';
import type { ReminderSchedule } from '../../lambda/core/schedule';

const daily = (hour: number, minute: number): ReminderSchedule => ({ days: [], hour, minute });

describe('recurrenceRule', () => {
  it.each(
    (
      [
        ['every day', daily(20, 0), 'FREQ=DAILY;BYHOUR=20;BYMINUTE=0;BYSECOND=0;INTERVAL=1'],
        [
          'some days',
          { days: ['MO', 'TH'], hour: 19, minute: 0 },
          'FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=19;BYMINUTE=0;BYSECOND=0;INTERVAL=1',
        ],
        [
          'days out of order',
          { days: ['SU', 'WE'], hour: 7, minute: 5 },
          'FREQ=WEEKLY;BYDAY=WE,SU;BYHOUR=7;BYMINUTE=5;BYSECOND=0;INTERVAL=1',
        ],
        [
          'all seven days',
          { days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], hour: 8, minute: 30 },
          'FREQ=DAILY;BYHOUR=8;BYMINUTE=30;BYSECOND=0;INTERVAL=1',
        ],
      ] satisfies [string, ReminderSchedule, string][]
    ).map(([name, schedule, expected]) => ({ name, schedule, expected })),
  )('$name gives $expected', ({ schedule, expected }) => {
    expect(recurrenceRule(schedule)).toBe(expected);
  });
});

describe('nextOccurrence', () => {
  it.each(
    (
      [
        // Tuesday 9 June 2026, 23:30 in Los Angeles, is already Wednesday in UTC.
        [
          'LA 23:30, later tonight',
          '2026-06-10T06:30:00Z',
          'America/Los_Angeles',
          daily(23, 45),
          '2026-06-09T23:45:00',
        ],
        [
          'LA 23:30, tomorrow evening',
          '2026-06-10T06:30:00Z',
          'America/Los_Angeles',
          daily(20, 0),
          '2026-06-10T20:00:00',
        ],
        [
          'LA 00:30, passed a quarter hour ago',
          '2026-06-10T07:30:00Z',
          'America/Los_Angeles',
          daily(0, 15),
          '2026-06-11T00:15:00',
        ],
        ['LA 00:30, later today', '2026-06-10T07:30:00Z', 'America/Los_Angeles', daily(0, 45), '2026-06-10T00:45:00'],
        [
          'LA Tuesday 23:30, Wednesdays',
          '2026-06-10T06:30:00Z',
          'America/Los_Angeles',
          { days: ['WE'], hour: 19, minute: 0 },
          '2026-06-10T19:00:00',
        ],
        [
          'LA Tuesday 23:30, Tuesdays',
          '2026-06-10T06:30:00Z',
          'America/Los_Angeles',
          { days: ['TU'], hour: 19, minute: 0 },
          '2026-06-16T19:00:00',
        ],
        [
          'the same minute counts as passed',
          '2026-06-10T03:00:00Z',
          'America/Los_Angeles',
          daily(20, 0),
          '2026-06-10T20:00:00',
        ],
        // Europe/London springs forward at 01:00 UTC on Sunday 29 March 2026.
        [
          'London 00:30 GMT on the change day',
          '2026-03-29T00:30:00Z',
          'Europe/London',
          daily(20, 0),
          '2026-03-29T20:00:00',
        ],
        [
          'London 20:30 BST (19:30 UTC) on the change day',
          '2026-03-29T19:30:00Z',
          'Europe/London',
          daily(20, 0),
          '2026-03-30T20:00:00',
        ],
        [
          'London Sundays, after the change',
          '2026-03-29T19:30:00Z',
          'Europe/London',
          { days: ['SU'], hour: 20, minute: 0 },
          '2026-04-05T20:00:00',
        ],
        // America/New_York falls back at 06:00 UTC on Sunday 1 November 2026: a 25-hour day.
        [
          'New York 00:30 EDT on the change day',
          '2026-11-01T04:30:00Z',
          'America/New_York',
          daily(23, 45),
          '2026-11-01T23:45:00',
        ],
        [
          'New York 19:30 EST on the change day',
          '2026-11-02T00:30:00Z',
          'America/New_York',
          daily(20, 0),
          '2026-11-01T20:00:00',
        ],
        [
          'New York 23:50 EST on the change day',
          '2026-11-02T04:50:00Z',
          'America/New_York',
          daily(23, 45),
          '2026-11-02T23:45:00',
        ],
        ['no zone: UTC', '2026-06-10T06:30:00Z', undefined, daily(20, 0), '2026-06-10T20:00:00'],
      ] satisfies [string, string, string | undefined, ReminderSchedule, string][]
    ).map(([name, now, zone, schedule, expected]) => ({ name, now, zone, schedule, expected })),
  )('$name: rings next at $expected', ({ now, zone, schedule, expected }) => {
    expect(nextOccurrence(schedule, Date.parse(now), zone)).toBe(expected);
  });
});

describe('reminderRequest', () => {
  it('builds a SCHEDULED_ABSOLUTE trigger at the next local occurrence with the zone and the rule', () => {
    const body = reminderRequest({
      schedule: { days: ['MO', 'TH'], hour: 19, minute: 0 },
      timeZone: 'Europe/London',
      locale: 'en-GB',
      text: 'Time for a massage practice',
      now: Date.parse('2026-06-10T06:30:00Z'),
    });

    expect(body).toEqual({
      requestTime: '2026-06-10T06:30:00.000Z',
      trigger: {
        type: 'SCHEDULED_ABSOLUTE',
        scheduledTime: '2026-06-11T19:00:00',
        timeZoneId: 'Europe/London',
        recurrence: {
          startDateTime: '2026-06-11T19:00:00',
          recurrenceRules: ['FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=19;BYMINUTE=0;BYSECOND=0;INTERVAL=1'],
        },
      },
      alertInfo: { spokenInfo: { content: [{ locale: 'en-GB', text: 'Time for a massage practice' }] } },
      pushNotification: { status: 'ENABLED' },
    });
  });

  it.each([
    ['absent', undefined],
    ['not a zone', 'Mars/Olympus_Mons'],
  ])('leaves timeZoneId out when the zone is %s, so Alexa uses the device zone', (_name, timeZone) => {
    const body = reminderRequest({
      schedule: daily(20, 0),
      ...(timeZone === undefined ? {} : { timeZone }),
      locale: 'en-US',
      text: 'Practice',
      now: Date.parse('2026-06-10T06:30:00Z'),
    });

    expect(body.trigger).not.toHaveProperty('timeZoneId');
    expect(body.trigger?.scheduledTime).toBe('2026-06-10T20:00:00');
  });
});

describe('Deadline', () => {
  it('gives each call the smaller of its timeout and what is left, never below 0', () => {
    let clock = 1_000;
    const deadline = new Deadline(2_000, () => clock);

    expect(deadline.timeoutFor(1_200)).toBe(1_200);
    clock += 1_500;
    expect(deadline.remaining()).toBe(500);
    expect(deadline.timeoutFor(1_200)).toBe(500);
    clock += 1_000;
    expect(deadline.remaining()).toBe(0);
    expect(deadline.timeoutFor(1_200)).toBe(0);
  });
});
