/**
 * Everything the coach says, as an interface the core defines and content/ implements, so the core
 * picks lines without holding a word of them and a locale can bring its own.
 * Lines that carry a value are functions; they build the sentence, the core only supplies values.
 */
import type { BodyArea } from './body';
import type { ConcernId } from './concerns';
import type { PartOfDay } from './local-time';
import type { PressureLevel } from './preferences';
import type { ReminderWords } from './reminder-wording';
import type { SessionWords } from './session-wording';
import type { Tier, WarningSignId } from './warning-signs';

export interface Wording {
  readonly disclaimer: string;
  readonly welcomeFirst: string;
  readonly welcomeBack: string;
  readonly whichRoutine: string;
  readonly whichRoutineReprompt: string;
  /** "You can choose a, b and c." */
  readonly routineList: (names: readonly string[]) => string;
  readonly unknownRoutine: (heard: string) => string;
  readonly missingRoutine: string;
  /** More than one routine fits the words heard: their names, and which one? */
  readonly ambiguousRoutine: (names: readonly string[]) => string;
  /** "Go to step N" beyond the routine's steps (or no number heard): how many steps it has. */
  readonly noSuchStep: (name: string, stepCount: number, stepNumber?: number) => string;
  /** A paused routine taken up at a step the user chose. */
  readonly fromStep: (name: string, stepNumber: number) => string;
  /** Before a short quiet wait ("hold on", "give me a minute"), with its length in seconds. */
  readonly waiting: (seconds: number) => string;
  /** After a quiet wait at the menu. */
  readonly readyWhenYouAre: string;
  /** A wait longer than one answer can hold quiet: the place is kept and the session ends. */
  readonly longWait: string;
  /** How to come back after a long wait at the menu. */
  readonly comeBackLater: string;
  /** A routine's name said as a sentence of its own, to open it. */
  readonly routineTitle: (name: string) => string;
  readonly openingInvite: string;
  /** The same invitation when the routine will play as audio: custom commands need "Alexa, pause" first. */
  readonly openingInviteHandsFree: string;
  /** The opening waits for her to get into position. */
  readonly whenReady: string;
  readonly whenReadyReprompt: string;
  /** After the last step: the closing is its own answer, so the last step can still be interrupted. */
  readonly lastStepDone: string;
  readonly lastStepDoneReprompt: string;
  /** How each step opens: its number, title and the instruction at the chosen pressure. */
  readonly stepIntro: (stepNumber: number, stepCount: number, title: string, instruction: string) => string;
  readonly goOnQuestion: (stepNumber: number, title: string) => string;
  readonly goOnReprompt: (stepNumber: number) => string;
  readonly waitForNext: (stepNumber: number, title: string) => string;
  readonly waitForNextReprompt: (stepNumber: number) => string;
  readonly carryOnPart: string;
  readonly carryOnPartReprompt: string;
  readonly routineFinished: (name: string) => string;
  /** After a finished routine: the local days with practice this week, today's included (2 or more). */
  readonly practiceDaysThisWeek: (days: number) => string;
  /**
   * On opening, when she has practised today already: kindly, with the days in a row up to today
   * when there are 2 or more.
   */
  readonly alreadyPractisedToday: (daysInARow: number) => string;
  /**
   * On opening, before today's practice: which day of practice this week now would be (2 or more,
   * with the part of the day it is now), and the days in a row up to yesterday when there are 2 or
   * more. Never said of a run that has ended.
   */
  readonly practiceThisWeek: (nthDay: number, now: PartOfDay, daysInARow: number) => string;
  readonly goodbye: string;
  readonly goodbyeMenu: string;
  readonly savedPlace: (name: string, stepNumber: number) => string;
  readonly pausedAt: (name: string, stepNumber: number, title: string) => string;
  readonly howToResume: string;
  readonly offerResume: (name: string, stepNumber: number, title: string) => string;
  readonly offerResumeReprompt: string;
  readonly resumingAt: (name: string, stepNumber: number) => string;
  readonly nothingPaused: string;
  readonly fromTheTop: string;
  readonly firstStepAlready: string;
  readonly repeatingStep: string;
  /** Said when "next" lands close to a step boundary, so "go back" is an easy correction. */
  readonly movingOn: (fromStepNumber: number, toStepNumber: number) => string;
  /** Said when "go back" lands close to a step boundary. */
  readonly goingBack: (fromStepNumber: number, toStepNumber: number) => string;
  /** Said when "repeat" lands close to a step boundary. */
  readonly repeatingStepNumber: (stepNumber: number) => string;
  /** Names the step a pressure tip is for, when the request landed close to a step boundary. */
  readonly tipForStep: (stepNumber: number) => string;
  readonly noRoutineGoing: string;
  readonly statusStep: (stepNumber: number, stepCount: number, title: string, name: string) => string;
  readonly statusRemaining: (seconds: number) => string;
  readonly carryingOn: string;
  readonly pressureNow: (level: PressureLevel) => string;
  readonly pressureCapped: string;
  readonly pressureFloored: string;
  readonly pressureMenuMore: string;
  readonly pressureMenuLess: string;
  readonly slowerPace: string;
  readonly slowestPace: string;
  readonly fasterPace: string;
  readonly fastestPace: string;
  readonly speakSlower: string;
  readonly speakNormally: string;
  readonly stepByStepOn: string;
  readonly continuousOn: string;
  readonly helpRoutine: string;
  readonly helpPaused: string;
  readonly helpMenu: string;
  readonly shallICarryOn: (stepNumber: number) => string;
  readonly shallICarryOnReprompt: string;
  /** Not understood during a routine: it stops and asks. */
  readonly notUnderstoodStopped: string;
  readonly notUnderstoodChoice: string;
  /** Added from the second miss in a row. */
  readonly ifWorried: string;
  readonly fallbackMenu: string;
  /** A yes while halted: only an explicit carry on or next goes on. */
  readonly sayCarryOnToGoOn: string;
  /** More pressure asked for right after a safety answer. */
  readonly confirmMorePressure: string;
  readonly confirmMorePressureReprompt: string;
  readonly pressureKept: string;
  readonly homeFromRoutine: (name: string, stepNumber: number) => string;
  readonly noProblem: string;
  readonly error: string;
  readonly errorReprompt: string;
  readonly discomfort: string;
  readonly discomfortLighter: (level: PressureLevel) => string;
  readonly discomfortChoice: string;
  readonly discomfortReprompt: string;
  readonly unwell: string;
  readonly unwellChoice: string;
  readonly unwellReprompt: string;
  /** A warning sign's answer: the tier's action, the sign's own clause, the tier's close. */
  readonly tierAction: Readonly<Record<Tier, string>>;
  readonly signClause: Readonly<Record<WarningSignId, string>>;
  readonly tierClose: Readonly<Record<Tier, string>>;
  readonly safetyGeneral: string;
  readonly safetyBeforeStarting: string;
  readonly safetyRoutine: (name: string) => string;
  readonly helpWithSuggestion: (routineName: string) => string;
  /** When each everyday concern stops being everyday; said before any suggestion. */
  readonly concernScreening: Readonly<Record<Exclude<ConcernId, 'earlyLabour'>, string>>;
  /** A concern the skill does not know: a safety line first, then what it can help with. */
  readonly unknownConcernSafety: string;
  readonly helpWithUnknown: string;
  /** Labour: is she 37 weeks or more (asked, never stored), when to call, counter-pressure coaching. */
  readonly askTerm: string;
  readonly askTermReprompt: string;
  readonly atTerm: string;
  readonly contractionOffer: string;
  readonly contractionStart: string;
  readonly contractionCues: readonly string[];
  readonly contractionRelease: string;
  readonly contractionRest: string;
  readonly contractionNext: string;
  readonly contractionReprompt: string;
  readonly labourHelp: string;
  /** "It hurts" during counter-pressure. */
  readonly labourEaseOff: string;
  readonly helpWithQuestion: (routineName: string) => string;
  readonly helpWithReprompt: (routineName: string) => string;
  readonly forgetQuestion: string;
  readonly forgetReprompt: string;
  readonly forgotten: string;
  readonly notForgotten: string;
  readonly couldNotSave: (stepNumber: number) => string;
  readonly couldNotDelete: string;
  /** The paused step is no longer in the routine (it changed in an update): the nearest step is offered. */
  readonly offerResumeChanged: (name: string, stepNumber: number, title: string) => string;
  /** Resuming such a routine when the offer was not just heard. */
  readonly resumingChanged: (name: string, stepNumber: number) => string;
  /**
   * Closes each step's rendered audio: the commands that work during playback without the skill's
   * name, and how to reach every other one (pause first, which opens a session).
   */
  readonly audioCommandsCue: string;
  /** Once, at a routine's start, on a device that can play the skill's audio: how to try hands-free mode. */
  readonly handsFreeOffer: string;
  readonly handsFreeOn: string;
  /** Turned on from a device that cannot play the skill's audio: kept for the ones that can. */
  readonly handsFreeOnElsewhere: string;
  readonly handsFreeOff: string;
  /** Said before the first step plays as audio: how to stop it and ask for anything. */
  readonly audioStartHint: string;
  /** Now Playing's second line: "Step 3 of 6: Thumb circles". */
  readonly nowPlayingStep: (stepNumber: number, stepCount: number, title: string) => string;
  /** The pause gateway: where the audio stopped, and what can be said now. */
  readonly audioPausedAt: (stepNumber: number, stepCount: number, title: string) => string;
  readonly audioPausedOptions: string;
  readonly audioPausedReprompt: string;
  /** Resume said while the step plays. */
  readonly audioAlreadyPlaying: string;
  /** Pause said again while the audio is stopped: the session ends with the place kept. */
  readonly audioStillPaused: string;
  /** "Hold on" while the routine plays as audio. */
  readonly audioWait: string;
  readonly audioCancelled: (name: string, stepNumber: number) => string;
  /** Loop or shuffle. */
  readonly playOrder: string;
  /** The device could not play the step's audio, even on a retry: it is spoken instead. */
  readonly audioFailed: string;
  /** Help while a routine plays as audio. */
  readonly helpAudio: string;
  /** The words on a screen's card (lambda/screen draws them from the plan's view). */
  readonly screen: ScreenWords;
  /** Practice reminders. */
  readonly reminders: ReminderWords;
  /** Joined sessions. */
  readonly sessions: SessionWords;
}

/** Labels, headings and numbers a screen shows; the core never says them. */
export interface ScreenWords {
  readonly pause: string;
  readonly next: string;
  readonly back: string;
  readonly lighter: string;
  readonly hurts: string;
  readonly resume: string;
  readonly carryOn: string;
  readonly stop: string;
  /** "Step 2 of 6". */
  readonly stepOf: (stepNumber: number, stepCount: number) => string;
  /** "About 6 minutes left". */
  readonly timeLeft: (seconds: number) => string;
  /** "Pressure: medium". */
  readonly pressure: (level: PressureLevel) => string;
  /** Above the routines at the menu. */
  readonly chooseRoutine: string;
  /** On a paused routine: "Paused at step 3". */
  readonly pausedAt: (stepNumber: number) => string;
  /** The locale's emergency number as a tier-1 card shows it, big ("999"); empty where none is known. */
  readonly emergencyNumber: string;
  /** Each body area's name, under the drawing. */
  readonly areas: Readonly<Record<BodyArea, string>>;
}
