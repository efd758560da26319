/**
 * Everything the coach says outside the routines themselves, as typed data. Lines that carry a
 * value are small functions so the wording stays here, not in the core or the handlers. The core
 * defines the shape (`Wording`); `satisfies` makes a missing or stray line a compile error.
 */
import type { PressureLevel } from '../core/preferences';
import type { Wording } from '../core/wording';

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

/** "a, b and c". */
export function spokenList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const lines = {
  disclaimer:
    "A quick word first: I'm a guide for gentle massage, not medical advice. If anything about the pregnancy worries you, check with your midwife or doctor.",
  welcomeFirst:
    "Welcome to Partner Massage Coach. I'll talk you through each step and keep quiet while your hands work.",
  welcomeBack: 'Welcome back.',
  whichRoutine: 'Which routine would you like?',
  whichRoutineReprompt: 'Say the name of a routine, like foot massage, or say: what routines are there.',
  routineList: (names: readonly string[]) => `You can choose ${spokenList(names)}.`,
  unknownRoutine: (heard: string) => `I don't have a routine called ${heard}.`,
  missingRoutine: "I didn't catch which routine.",
  routineTitle: (name: string) => `${sentenceCase(name)}.`,
  openingInvite: "Say 'less pressure' or 'it hurts' at any time.",
  stepIntro: (stepNumber: number, stepCount: number, title: string, instruction: string) =>
    `Step ${stepNumber} of ${stepCount}. ${sentenceCase(title)}. ${instruction}`,
  goOnQuestion: (stepNumber: number, title: string) => `Ready for step ${stepNumber}, ${title}? Say yes to go on.`,
  goOnReprompt: (stepNumber: number) => `Say yes to go on to step ${stepNumber}, or pause to stop here.`,
  waitForNext: (stepNumber: number, title: string) => `When you're ready, say next for step ${stepNumber}, ${title}.`,
  waitForNextReprompt: (stepNumber: number) => `Say next for step ${stepNumber}, or pause to stop here.`,
  carryOnPart: 'Carry on with the same stroke. Say yes when you want me to keep going.',
  carryOnPartReprompt: 'Say yes to keep going, or pause to stop here.',
  routineFinished: (name: string) => `That's the end of ${name}.`,
  sessionsThisWeek: (count: number) =>
    count === 1 ? 'That was your first session this week.' : `That's ${count} days of practice this week.`,
  daysInARow: (count: number) => `You've practised ${count} days in a row. Lovely.`,
  practicedThisWeek: (count: number) =>
    count === 1 ? "You've practised once already this week." : `You've practised on ${count} days this week.`,
  goodbye: 'Goodbye for now.',
  goodbyeMenu: 'Goodbye. Enjoy the rest of your evening.',
  savedPlace: (name: string, stepNumber: number) => `I've saved your place in ${name} at step ${stepNumber}.`,
  pausedAt: (name: string, stepNumber: number, title: string) => `Paused at step ${stepNumber} of ${name}, ${title}.`,
  howToResume: 'When you are ready, say: Alexa, ask partner massage to resume.',
  offerResume: (name: string, stepNumber: number, title: string) =>
    `You paused ${name} at step ${stepNumber}, ${title}. Shall I pick up there?`,
  offerResumeReprompt: 'Say yes to pick up where you left off, or no to choose something else.',
  resumingAt: (name: string) => `${sentenceCase(name)}, picking up where you left off.`,
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
    "While we go, you can say: next, go back, repeat that, pause, more or less pressure, slower or faster, how much longer, or it hurts. I'm also fine with: wait for me after each step.",
  helpPaused: 'Your routine is paused. Say resume to pick up where you left off, or name another routine.',
  helpMenu:
    'I guide partner massage for pregnancy, one step at a time, with quiet time for your hands. Say a routine name, like lower back relief, ask what helps with an ache, or say: what routines are there.',
  shallICarryOn: (stepNumber: number) => `Shall I carry on with step ${stepNumber}?`,
  shallICarryOnReprompt: 'Say yes to carry on, or stop to finish.',
  fallbackRoutine: "Sorry, I didn't get that. You can say next, repeat, pause, or less pressure.",
  fallbackMenu: "Sorry, I didn't get that.",
  homeFromRoutine: (name: string, stepNumber: number) =>
    `Okay, back to the start. Your place in ${name} is saved at step ${stepNumber}.`,
  noProblem: 'All right.',
  error: "Sorry, something went wrong on my side. Let's try that again.",
  errorReprompt: 'You can say resume, name a routine, or say help.',
  discomfort:
    'Stop that stroke now. Keep a hand resting gently if she likes it, or lift your hands away. Ask her where it hurt, and stay away from that spot.',
  discomfortLighter: (level: PressureLevel) => `I've lightened the pressure to ${level}.`,
  discomfortChoice: "When she's comfortable, say carry on to go on gently, next to move on, or stop to finish.",
  discomfortReprompt: 'Say carry on, next, or stop.',
  unwell:
    "Stop the massage. Help her sit up, or lie on her left side, with some water and a rest. Don't leave her on her back. If the feeling doesn't pass soon, or she's worried, call your midwife or doctor.",
  unwellChoice: 'If she feels well again and wants to, say carry on. Otherwise say stop.',
  unwellReprompt: 'Say carry on, or stop.',
  redFlag:
    "Stop the massage now. Please contact her midwife or doctor straight away. If it seems severe, call emergency services. If a calf or leg is swollen, red, hot or painful, don't massage that leg at all.",
  redFlagClose: "I'll stop here. Take care of each other.",
  safetyGeneral:
    'In general: keep pressure comfortable, never deep, with no pressure on the belly and no deep work on the legs. Avoid lying flat on her back for long. Stop if anything hurts, and call the midwife or doctor for bleeding, leaking fluid, a bad headache, a swollen or painful calf, or fewer baby movements.',
  safetyBeforeStarting:
    "Check with the midwife or doctor before starting if she has high blood pressure or pre-eclampsia, a placenta problem, a risk of early labour, a history of blood clots, twins or more, or diabetes that isn't under control. In the first three months, keep to gentle strokes on hands, shoulders and feet.",
  safetyRoutine: (name: string) => `For ${name}:`,
  helpWithSuggestion: (routineName: string) => `${sentenceCase(routineName)} may help with that.`,
  helpWithUnknown:
    'I can suggest a routine for an aching back, swollen feet, sciatica, tight shoulders, sore hands, sleep, or early labour.',
  helpWithQuestion: (routineName: string) => `Shall I start ${routineName}?`,
  helpWithReprompt: (routineName: string) => `Say yes to start ${routineName}, or name another routine.`,
  forgetQuestion: 'This deletes your saved place, your preferences and your practice history. Are you sure?',
  forgetReprompt: 'Say yes to delete everything, or no to keep it.',
  forgotten: "Done. I've deleted everything I kept for you. Goodbye.",
  notForgotten: "Okay, I've kept everything as it was.",
  couldNotSave: (stepNumber: number) => `I couldn't save your place just now; you were on step ${stepNumber}.`,
  couldNotDelete: "I couldn't delete your data just now. Please try again in a moment.",
} as const satisfies Wording;
