/**
 * The one table from intents to coach events. Every intent the skill declares is a key here, so an
 * intent without a mapping is a compile error, and the model check reads the same keys to hold
 * interaction-models/<locale>.json to exactly these intents.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { isRoutineId } from '../core/catalogue';
import { isConcernId } from '../core/concerns';
import type { CoachEvent } from '../core/events';
import { PARTS_OF_DAY, type ReminderAsk, type Weekday } from '../core/schedule';
import { isWarningSignId } from '../core/warning-signs';
import { parseDaySlot, parseDurationSlot, parseNumberSlot, parseSlot, parseTimeSlot } from './slots';

/** Intent names shared by the handlers and interaction-models/<locale>.json. */
export const Intent = {
  StartRoutine: 'StartRoutineIntent',
  StartHandsFree: 'StartHandsFreeIntent',
  HandsFreeOn: 'HandsFreeOnIntent',
  HandsFreeOff: 'HandsFreeOffIntent',
  GoToStep: 'GoToStepIntent',
  Wait: 'WaitIntent',
  ListRoutines: 'ListRoutinesIntent',
  MorePressure: 'MorePressureIntent',
  LessPressure: 'LessPressureIntent',
  Slower: 'SlowerIntent',
  Faster: 'FasterIntent',
  SpeakSlower: 'SpeakSlowerIntent',
  SpeakNormally: 'SpeakNormallyIntent',
  Status: 'StatusIntent',
  StepByStep: 'StepByStepIntent',
  Continuous: 'ContinuousIntent',
  Discomfort: 'DiscomfortIntent',
  Unwell: 'UnwellIntent',
  WarningSign: 'WarningSignIntent',
  Labour: 'LabourIntent',
  Ready: 'ReadyIntent',
  SafetyInfo: 'SafetyInfoIntent',
  HelpWith: 'HelpWithIntent',
  ForgetMe: 'ForgetMeIntent',
  RemindMe: 'RemindMeIntent',
  ChangeReminder: 'ChangeReminderIntent',
  StopReminders: 'StopRemindersIntent',
  LongSession: 'LongSessionIntent',
  AnotherRoutine: 'AnotherRoutineIntent',
  Pause: 'AMAZON.PauseIntent',
  Resume: 'AMAZON.ResumeIntent',
  Next: 'AMAZON.NextIntent',
  Previous: 'AMAZON.PreviousIntent',
  Repeat: 'AMAZON.RepeatIntent',
  StartOver: 'AMAZON.StartOverIntent',
  Help: 'AMAZON.HelpIntent',
  Stop: 'AMAZON.StopIntent',
  Cancel: 'AMAZON.CancelIntent',
  NavigateHome: 'AMAZON.NavigateHomeIntent',
  Fallback: 'AMAZON.FallbackIntent',
  Yes: 'AMAZON.YesIntent',
  No: 'AMAZON.NoIntent',
  LoopOn: 'AMAZON.LoopOnIntent',
  LoopOff: 'AMAZON.LoopOffIntent',
  ShuffleOn: 'AMAZON.ShuffleOnIntent',
  ShuffleOff: 'AMAZON.ShuffleOffIntent',
} as const;

export type IntentName = (typeof Intent)[keyof typeof Intent];

export const Slot = {
  routine: 'routine',
  concern: 'concern',
  step: 'step',
  duration: 'duration',
  time: 'time',
  dayOne: 'dayOne',
  dayTwo: 'dayTwo',
  dayThree: 'dayThree',
  partOfDay: 'partOfDay',
  often: 'often',
} as const;
export const SlotType = { routine: 'ROUTINE_NAME', concern: 'CONCERN' } as const;

/** The days REMINDER_OFTEN's ids stand for; "daily" is every day. */
const OFTEN_DAYS: Readonly<Record<string, readonly Weekday[]>> = {
  weekdays: ['MO', 'TU', 'WE', 'TH', 'FR'],
  weekends: ['SA', 'SU'],
};

/** What was heard of a reminder: the time, its part of the day, the days, or "every day". */
const reminderAsk = (input: HandlerInput): ReminderAsk => {
  const time = parseTimeSlot(input, Slot.time);
  const part = parseSlot(input, Slot.partOfDay).id;
  const often = parseSlot(input, Slot.often).id;
  const named = [Slot.dayOne, Slot.dayTwo, Slot.dayThree].flatMap((slot) => parseDaySlot(input, slot) ?? []);
  const days = named.length > 0 ? named : often !== undefined ? OFTEN_DAYS[often] : undefined;
  const partOfDay = time?.partOfDay ?? PARTS_OF_DAY.find((known) => known === part);
  return {
    ...(time?.hour !== undefined ? { hour: time.hour, minute: time.minute ?? 0 } : {}),
    ...(partOfDay !== undefined ? { partOfDay } : {}),
    ...(days !== undefined && days.length > 0 ? { days } : {}),
    ...(often === 'daily' && named.length === 0 ? { daily: true as const } : {}),
  };
};

/** Turns one intent request into the event the core decides on. */
export type ToEvent = (input: HandlerInput) => CoachEvent;

/** The routine's slot id when it resolved, and the words heard (the core looks them up, or says them back). */
const startRoutine: ToEvent = (input) => {
  const slot = parseSlot(input, Slot.routine);
  return {
    type: 'start',
    ...(isRoutineId(slot.id) ? { routineId: slot.id } : {}),
    ...(slot.heard ? { heard: slot.heard } : {}),
  };
};

/**
 * Whatever carrier phrase brought it, a warning sign goes to its tier, labour to the labour
 * questions, an everyday concern to its answer, and anything unrecognised to the answer for a
 * concern the skill does not know (a safety line first; the core looks for a sign in its words).
 */
const concern: ToEvent = (input) => {
  const { id, heard } = parseSlot(input, Slot.concern);
  if (isWarningSignId(id)) return { type: 'warningSign', sign: id };
  if (isConcernId(id)) return { type: 'helpWith', concern: id };
  return heard ? { type: 'helpWith', heard } : { type: 'helpWith' };
};

export const INTENT_EVENTS: { readonly [Name in IntentName]: ToEvent } = {
  [Intent.StartRoutine]: startRoutine,
  [Intent.StartHandsFree]: (input) => ({ ...startRoutine(input), handsFree: true }),
  [Intent.HandsFreeOn]: () => ({ type: 'handsFree', on: true }),
  [Intent.HandsFreeOff]: () => ({ type: 'handsFree', on: false }),
  [Intent.GoToStep]: (input) => {
    const step = parseNumberSlot(input, Slot.step);
    return step === undefined ? { type: 'goToStep' } : { type: 'goToStep', step };
  },
  [Intent.Wait]: (input) => {
    const seconds = parseDurationSlot(input, Slot.duration);
    return seconds === undefined ? { type: 'wait' } : { type: 'wait', seconds };
  },
  [Intent.ListRoutines]: () => ({ type: 'list' }),
  [Intent.MorePressure]: () => ({ type: 'pressure', direction: 'more' }),
  [Intent.LessPressure]: () => ({ type: 'pressure', direction: 'less' }),
  [Intent.Slower]: () => ({ type: 'pace', direction: 'slower' }),
  [Intent.Faster]: () => ({ type: 'pace', direction: 'faster' }),
  [Intent.SpeakSlower]: () => ({ type: 'speechRate', rate: 'slower' }),
  [Intent.SpeakNormally]: () => ({ type: 'speechRate', rate: 'normal' }),
  [Intent.Status]: () => ({ type: 'status' }),
  [Intent.StepByStep]: () => ({ type: 'flow', flow: 'stepByStep' }),
  [Intent.Continuous]: () => ({ type: 'flow', flow: 'continuous' }),
  [Intent.Discomfort]: () => ({ type: 'discomfort' }),
  [Intent.Unwell]: () => ({ type: 'unwell' }),
  [Intent.WarningSign]: concern,
  [Intent.Labour]: () => ({ type: 'labour' }),
  [Intent.Ready]: () => ({ type: 'resume' }),
  [Intent.SafetyInfo]: () => ({ type: 'safetyInfo' }),
  [Intent.HelpWith]: concern,
  [Intent.ForgetMe]: () => ({ type: 'forgetMe' }),
  [Intent.RemindMe]: (input) => ({ type: 'remindMe', ask: reminderAsk(input) }),
  [Intent.ChangeReminder]: (input) => ({ type: 'changeReminder', ask: reminderAsk(input) }),
  [Intent.StopReminders]: () => ({ type: 'stopReminders' }),
  [Intent.LongSession]: (input) => {
    const seconds = parseDurationSlot(input, Slot.duration);
    return seconds === undefined ? { type: 'longSession' } : { type: 'longSession', minutes: Math.round(seconds / 60) };
  },
  [Intent.AnotherRoutine]: () => ({ type: 'another' }),
  [Intent.Pause]: () => ({ type: 'pause' }),
  [Intent.Resume]: () => ({ type: 'resume' }),
  [Intent.Next]: () => ({ type: 'next' }),
  [Intent.Previous]: () => ({ type: 'previous' }),
  [Intent.Repeat]: () => ({ type: 'repeat' }),
  [Intent.StartOver]: () => ({ type: 'startOver' }),
  [Intent.Help]: () => ({ type: 'help' }),
  [Intent.Stop]: () => ({ type: 'stop' }),
  [Intent.Cancel]: () => ({ type: 'cancel' }),
  [Intent.NavigateHome]: () => ({ type: 'home' }),
  [Intent.Fallback]: () => ({ type: 'fallback' }),
  [Intent.Yes]: () => ({ type: 'yes' }),
  [Intent.No]: () => ({ type: 'no' }),
  [Intent.LoopOn]: () => ({ type: 'playOrder' }),
  [Intent.LoopOff]: () => ({ type: 'playOrder' }),
  [Intent.ShuffleOn]: () => ({ type: 'playOrder' }),
  [Intent.ShuffleOff]: () => ({ type: 'playOrder' }),
};

/** Every intent the skill handles, for the model check. */
export const SKILL_INTENTS: readonly IntentName[] = Object.keys(INTENT_EVENTS) as IntentName[];

export function isSkillIntent(name: string): name is IntentName {
  return Object.hasOwn(INTENT_EVENTS, name);
}
