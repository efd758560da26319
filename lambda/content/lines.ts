/**
 * Everything the coach says outside the routines themselves, as typed data. Lines that carry a
 * value are small functions so the wording stays here, not in the core or the handlers. The core
 * defines the shape (`Wording`); `satisfies` makes a missing or stray line a compile error.
 */
import type { PartOfDay } from '../core/local-time';
import type { PressureLevel } from '../core/preferences';
import type { Wording } from '../core/wording';
import type { CareTerms } from './locales';
import { reminderLines } from './reminder-lines';
import { safetyLines } from './safety-lines';
import { sessionLines } from './session-lines';

/** Capitalises the first letter, for names and titles spoken as a sentence of their own. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Minutes as spoken: "about 6 minutes", "about a minute", "less than a minute". */
export function minutesText(seconds: number): string {
  if (seconds < 45) return 'Less than a minute';
  const minutes = Math.round(seconds / 60);
  return minutes <= 1 ? 'About a minute' : `About ${minutes} minutes`;
}

/** "a, b and c" (or "a, b or c"). */
export function spokenList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

const SMALL_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five'] as const;

/** A quiet wait as spoken: "half a minute", "a minute", "a minute and a half", "two minutes", "forty seconds". */
export function waitText(seconds: number): string {
  if (seconds < 60) return seconds === 30 ? 'half a minute' : `${seconds} seconds`;
  if (seconds === 90) return 'a minute and a half';
  const minutes = Math.round(seconds / 60);
  if (minutes === 1) return 'a minute';
  return `${SMALL_NUMBERS[minutes] ?? minutes} minutes`;
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'] as const;

/** A count as spoken: words up to ten ("three days"), digits beyond ("40 days"). */
export function countText(count: number): string {
  return COUNT_WORDS[count] ?? String(count);
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'] as const;

/** A day of the week's practice as an ordinal: a week holds seven, so words always suffice. */
export function ordinalText(nth: number): string {
  return ORDINALS[nth - 1] ?? `number ${nth}`;
}

/** "This evening would be…": now, as a part of the day. */
const THIS_PART_OF_DAY: Readonly<Record<PartOfDay, string>> = {
  morning: 'This morning',
  afternoon: 'This afternoon',
  evening: 'This evening',
  night: 'Tonight',
};

/** The lines in the British source, with a locale's care terms; content/locale-content.ts turns the words. */
export const sourceLines = (care: CareTerms) =>
  ({
    disclaimer: `A quick word first: I'm a guide for gentle massage, not medical advice. If anything about the pregnancy worries you, check with ${care.careTeam}.`,
    welcomeFirst:
      "Welcome to Partner Massage Coach. I'll talk you through each step and keep quiet while your hands work.",
    welcomeBack: 'Welcome back.',
    whichRoutine: 'Which routine would you like?',
    whichRoutineReprompt: 'Say the name of a routine, like foot massage, or say: what routines are there.',
    routineList: (names: readonly string[]) => `You can choose ${spokenList(names)}.`,
    unknownRoutine: (heard: string) => `I don't have a routine called ${heard}.`,
    missingRoutine: "I didn't catch which routine.",
    ambiguousRoutine: (names: readonly string[]) =>
      `${names.length === 2 ? 'Two routines' : 'A few routines'} fit that: ${spokenList(names, 'or')}. Which one would you like?`,
    noSuchStep: (name: string, stepCount: number, stepNumber?: number) =>
      stepNumber === undefined
        ? `${sentenceCase(name)} has steps 1 to ${stepCount}. Say go to step, and a number.`
        : `${sentenceCase(name)} has ${stepCount} steps, so there's no step ${stepNumber}.`,
    fromStep: (name: string, stepNumber: number) => `${sentenceCase(name)}, from step ${stepNumber}.`,
    waiting: (seconds: number) => `Take your time. I'll wait ${waitText(seconds)}.`,
    readyWhenYouAre: 'Ready when you are.',
    longWait: 'Take all the time you need.',
    comeBackLater: "When you're ready, say: Alexa, open partner massage.",
    routineTitle: (name: string) => `${sentenceCase(name)}.`,
    openingInvite: "While I'm talking, you can say 'Alexa, it hurts' or 'Alexa, less pressure' at any time.",
    openingInviteHandsFree:
      "The steps will play as audio. 'Alexa, next' and 'Alexa, go back' work as they are; for anything else, like less pressure or that it hurts, say 'Alexa, pause' first.",
    whenReady: "Help her get comfortable in position. When she's settled, say ready.",
    whenReadyReprompt: "Say ready when she's comfortable, or stop to finish.",
    lastStepDone: 'That was the last step. Say yes to finish, or go back to do it again.',
    lastStepDoneReprompt: 'Say yes to finish, or go back for the last step again.',
    stepIntro: (stepNumber: number, stepCount: number, title: string, instruction: string) =>
      `Step ${stepNumber} of ${stepCount}. ${sentenceCase(title)}. ${instruction}`,
    goOnQuestion: (stepNumber: number, title: string) => `Ready for step ${stepNumber}, ${title}? Say yes to go on.`,
    goOnReprompt: (stepNumber: number) => `Say yes to go on to step ${stepNumber}, or pause to stop here.`,
    waitForNext: (stepNumber: number, title: string) => `When you're ready, say next for step ${stepNumber}, ${title}.`,
    waitForNextReprompt: (stepNumber: number) => `Say next for step ${stepNumber}, or pause to stop here.`,
    carryOnPart: 'Carry on with the same stroke. Say yes when you want me to keep going.',
    carryOnPartReprompt: 'Say yes to keep going, or pause to stop here.',
    routineFinished: (name: string) => `That's the end of ${name}.`,
    practiceDaysThisWeek: (days: number) =>
      days === 1
        ? "That's your first day of practice this week."
        : `That's ${countText(days)} days of practice this week.`,
    alreadyPractisedToday: (daysInARow: number) =>
      daysInARow >= 2
        ? `You've already practised today, and that's ${countText(daysInARow)} days in a row. One more is always welcome.`
        : "You've already practised today. One more is always welcome.",
    practiceThisWeek: (nthDay: number, now: PartOfDay, daysInARow: number) => {
      const run = daysInARow >= 2 ? `You've practised ${countText(daysInARow)} days in a row. ` : '';
      if (nthDay < 2 && run !== '') return `${run}Well done.`;
      return `${run}${THIS_PART_OF_DAY[now]} would be your ${ordinalText(nthDay)} day of practice this week.`;
    },
    goodbye: 'Goodbye for now.',
    goodbyeMenu: 'Goodbye. Enjoy the rest of your evening.',
    savedPlace: (name: string, stepNumber: number) => `I've saved your place in ${name} at step ${stepNumber}.`,
    pausedAt: (name: string, stepNumber: number, title: string) => `Paused at step ${stepNumber} of ${name}, ${title}.`,
    howToResume: 'When you are ready, say: Alexa, ask partner massage to resume.',
    offerResume: (name: string, stepNumber: number, title: string) =>
      `You paused ${name} at step ${stepNumber}, ${title}. Shall I pick up there?`,
    offerResumeReprompt: 'Say yes to pick up where you left off, or no to choose something else.',
    resumingAt: (name: string, stepNumber: number) =>
      `${sentenceCase(name)}, picking up where you left off, at step ${stepNumber}.`,
    nothingPaused: "There's nothing paused right now.",
    fromTheTop: 'From the top.',
    firstStepAlready: "That's the first step. Here it is again.",
    repeatingStep: 'Once more.',
    movingOn: (fromStepNumber: number, toStepNumber: number) =>
      `Moving on from step ${fromStepNumber} to step ${toStepNumber}.`,
    goingBack: (fromStepNumber: number, toStepNumber: number) =>
      `Going back from step ${fromStepNumber} to step ${toStepNumber}.`,
    repeatingStepNumber: (stepNumber: number) => `Step ${stepNumber} once more.`,
    tipForStep: (stepNumber: number) => `For step ${stepNumber}:`,
    noRoutineGoing: "There's no routine going right now.",
    statusStep: (stepNumber: number, count: number, title: string, name: string) =>
      `You're on step ${stepNumber} of ${count} of ${name}, ${title}.`,
    statusRemaining: (seconds: number) => `${minutesText(seconds)} to go.`,
    carryingOn: 'Carrying on.',
    pressureNow: (level: PressureLevel) => `I'll guide ${level} pressure from here.`,
    pressureCapped:
      "Firm is as deep as I guide during pregnancy. Deeper work needs a therapist trained in pregnancy massage, so let's stay at firm.",
    pressureFloored:
      "That's already the lightest I guide. Try slow stroking with flat hands, simply resting your hands still, or moving to another area she'd like.",
    pressureMenuMore: 'More pressure it is.',
    pressureMenuLess: 'Lighter it is.',
    slowerPace: 'Slowing down. The holds will be longer.',
    slowestPace: "That's already the slowest pace. The holds stay long.",
    fasterPace: 'Speeding up. The holds will be shorter.',
    fastestPace: "That's already the quickest pace.",
    speakSlower: "I'll speak a little slower.",
    speakNormally: "I'll speak at my usual speed.",
    stepByStepOn: "Okay, I'll wait for you after each step. Say next when you're ready to move on.",
    continuousOn: "Okay, I'll keep going on my own from step to step.",
    helpRoutine:
      "While I'm talking, start with 'Alexa', like 'Alexa, next'. You can say: next, go back, go to step two, repeat that, hold on, pause, more or less pressure, slower or faster, how much longer, or it hurts. I'm also fine with: wait for me after each step.",
    helpPaused: 'Your routine is paused. Say resume to pick up where you left off, or name another routine.',
    helpMenu:
      'I guide partner massage for pregnancy, one step at a time, with quiet time for your hands. Say a routine name, like lower back relief, ask what helps with an ache, or say: what routines are there.',
    shallICarryOn: (stepNumber: number) => `Shall I carry on with step ${stepNumber}?`,
    shallICarryOnReprompt: 'Say yes to carry on, or stop to finish.',
    notUnderstoodStopped:
      "Sorry, I didn't catch that, so I've stopped. If something's wrong, say stop, or tell me what's happening.",
    notUnderstoodChoice: 'If all is well, say carry on.',
    ifWorried: `If you're worried about her or the baby, call ${care.careTeam}.`,
    sayCarryOnToGoOn: 'To go on, say carry on, or next for the next step. Or say stop to finish.',
    confirmMorePressure:
      'It hurt a moment ago. Is she sure she wants more pressure? Say yes to go firmer, or no to keep it as it is.',
    confirmMorePressureReprompt: 'Say yes for more pressure, or no to keep it as it is.',
    pressureKept: "I'll keep the pressure as it is.",
    fallbackMenu: "Sorry, I didn't get that.",
    homeFromRoutine: (name: string, stepNumber: number) =>
      `Okay, back to the start. Your place in ${name} is saved at step ${stepNumber}.`,
    noProblem: 'All right.',
    error: "Sorry, something went wrong on my side. Let's try that again.",
    errorReprompt: 'You can say resume, name a routine, or say help.',
    discomfort:
      "Stop that stroke now. Keep a hand resting gently if she likes it, or lift your hands away. Ask her where it hurt, and stay away from that spot. If it was a sharp or shooting pain, leave that step out. If the pain isn't from your hands, like in her belly, her calf or her head, tell me what it is.",
    discomfortLighter: (level: PressureLevel) => `I've lightened the pressure to ${level}.`,
    discomfortChoice: "When she's comfortable, say carry on to go on gently, next to move on, or stop to finish.",
    discomfortReprompt: 'Say carry on, next, or stop.',
    unwell: `Stop the massage. Help her sit up, or lie on her left side, with some water and a rest. Don't leave her on her back. Dizziness that passes with rest is common. If it comes with breathlessness or chest pain, ${care.callEmergency}. If it comes with a headache or changes in her sight, or doesn't pass soon, call ${care.urgentCare} now.`,
    unwellChoice: 'If she feels well again and wants to, say carry on. Otherwise say stop.',
    unwellReprompt: 'Say carry on, or stop.',
    safetyGeneral: `In general: keep pressure comfortable, never deep, with no pressure on the belly and no deep work on the legs. Avoid lying flat on her back for long. Stop if anything hurts, and call ${care.careTeam} for bleeding, leaking fluid, a bad headache, a swollen or painful calf, or fewer baby movements.`,
    safetyBeforeStarting: `Check with ${care.careTeam} before starting if she has high blood pressure or pre-eclampsia, a placenta problem, a risk of early labour, a history of blood clots, twins or more, or diabetes that isn't under control. In the first three months, keep to gentle strokes on hands, shoulders and feet.`,
    safetyRoutine: (name: string) => `For ${name}:`,
    helpWithSuggestion: (routineName: string) => `${sentenceCase(routineName)} may help with that.`,
    helpWithQuestion: (routineName: string) => `Shall I start ${routineName}?`,
    helpWithReprompt: (routineName: string) => `Say yes to start ${routineName}, or name another routine.`,
    forgetQuestion: 'This deletes your saved place, your preferences and your practice history. Are you sure?',
    forgetReprompt: 'Say yes to delete everything, or no to keep it.',
    forgotten: "Done. I've deleted everything I kept for you. Goodbye.",
    notForgotten: "Okay, I've kept everything as it was.",
    couldNotSave: (stepNumber: number) => `I couldn't save your place just now; you were on step ${stepNumber}.`,
    couldNotDelete: "I couldn't delete your data just now. Please try again in a moment.",
    offerResumeChanged: (name: string, stepNumber: number, title: string) =>
      `${sentenceCase(name)} has changed since you paused it. The nearest place is step ${stepNumber}, ${title}. Shall I pick up there?`,
    resumingChanged: (name: string, stepNumber: number) =>
      `${sentenceCase(name)} has changed since you paused it, so I'll pick up at the nearest place, step ${stepNumber}.`,
    audioCommandsCue: "Say 'Alexa, next' for the next step, or 'Alexa, pause' to change anything.",
    handsFreeOffer:
      "Tip: this speaker can play routines as audio, so 'Alexa, pause' and 'Alexa, next' work without my name. Say 'hands free' to turn that on.",
    handsFreeOn: "Hands-free mode is on. Routines play as audio, and you can say 'Alexa, pause' at any time.",
    handsFreeOnElsewhere:
      "Hands-free mode is on for speakers that can play audio. This one can't, so here I'll keep talking you through.",
    handsFreeOff: "Hands-free mode is off. I'll talk you through each step.",
    audioStartHint: "Here we go. Say 'Alexa, pause' at any time, then tell me what you need.",
    nowPlayingStep: (stepNumber: number, stepCount: number, title: string) =>
      `Step ${stepNumber} of ${stepCount}: ${title}`,
    audioPausedAt: (stepNumber: number, stepCount: number, title: string) =>
      `Paused in step ${stepNumber} of ${stepCount}, ${title}.`,
    audioPausedOptions: 'You can say more or less pressure, slower, it hurts, or resume.',
    audioPausedReprompt: 'Say resume to carry on, or tell me what you need.',
    audioAlreadyPlaying: "It's playing already.",
    audioStillPaused: "It's paused, and I've kept your place. Say 'Alexa, resume' when you're ready.",
    audioWait: "Take your time. I've kept your place; say 'Alexa, resume' when you're ready.",
    audioCancelled: (name: string, stepNumber: number) =>
      `Okay, I've stopped ${name} at step ${stepNumber} and cleared it. Say 'Alexa, open partner massage' to start again.`,
    playOrder: 'Routines play in order, so there is no loop or shuffle.',
    audioFailed: "The audio wouldn't play on this device, so I'll talk you through this step instead.",
    helpAudio:
      "While it plays, 'Alexa, next', 'Alexa, go back', 'Alexa, pause' and 'Alexa, resume' work without my name. For anything else, say 'Alexa, pause' first, then more or less pressure, slower, or that something hurts.",
    screen: {
      pause: 'Pause',
      next: 'Next',
      back: 'Back',
      lighter: 'Lighter',
      hurts: 'It hurts',
      resume: 'Resume',
      carryOn: 'Carry on',
      stop: 'Stop',
      stepOf: (stepNumber: number, stepCount: number) => `Step ${stepNumber} of ${stepCount}`,
      timeLeft: (seconds: number) => `${minutesText(seconds)} left`,
      pressure: (level: PressureLevel) => `Pressure: ${level}`,
      chooseRoutine: 'Choose a routine',
      pausedAt: (stepNumber: number) => `Paused at step ${stepNumber}`,
      emergencyNumber: care.shownNumber,
      areas: {
        neck: 'Neck',
        shoulders: 'Shoulders',
        upperArms: 'Upper arms',
        upperBack: 'Upper back',
        lowerBack: 'Lower back',
        sacrum: 'Base of the spine',
        hips: 'Hips',
        sideHip: 'Hip',
        outerThigh: 'Outer thigh',
        lowerLeg: 'Lower leg',
        wholeFoot: 'Feet',
        sole: 'Sole',
        arch: 'Arch',
        heel: 'Heel',
        toes: 'Toes',
        topOfFoot: 'Top of the foot',
        wholeHand: 'Hands',
        palm: 'Palm',
        fingers: 'Fingers',
        backOfHand: 'Back of the hand',
        wrist: 'Wrist',
      },
    },
    reminders: reminderLines(),
    sessions: sessionLines(),
    ...safetyLines(care),
  }) as const satisfies Wording;
