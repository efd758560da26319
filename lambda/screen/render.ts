/**
 * A view as a card: the datasource holds the view's fields and every word already formatted
 * (labels, "Step 2 of 6", "About 6 minutes left", "Pressure: medium", the area's name), and the
 * directive pairs it with the one document. One plan, two renderers: the speech and this.
 */
import type { interfaces } from 'ask-sdk-model';
import { BODY_AREAS, type BodyArea } from '../core/body';
import type { ScreenView, StepPage } from '../core/screen';
import type { ScreenWords } from '../core/wording';
import { screenDocument } from './document';
import type { ScreenCommand, START_EVENT } from './events';
import { MAX_PAGES } from './layouts';

/** The first argument of every button's SendEvent: a command, or `start` with a routine id after it. */
export type TouchAction = ScreenCommand | typeof START_EVENT;

/** The token of every card: a later ExecuteCommands must name it. */
export const SCREEN_TOKEN = 'partnerMassageCoach.card';

/** The largest response Alexa accepts, in bytes; a card stays well under it (see CARD_BUDGET). */
export const RESPONSE_LIMIT_BYTES = 120 * 1024;
/** What a directive may take of the response, leaving room for speech, audio and session attributes. */
export const CARD_BUDGET_BYTES = 60 * 1024;

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The drawing to show and the area to mark on it. */
function place(area: BodyArea, words: ScreenWords) {
  return { area, bodyView: BODY_AREAS[area], areaLabel: words.areas[area] };
}

function labels(words: ScreenWords) {
  const { pause, next, back, lighter, hurts, resume, carryOn, stop } = words;
  return { pause, next, back, lighter, hurts, resume, carryOn, stop };
}

/** Share of the routine done before a step begins, 0–100. */
export function progressAt(stepNumber: number, stepCount: number): number {
  if (stepCount <= 0) return 0;
  return Math.round((Math.min(Math.max(stepNumber - 1, 0), stepCount) / stepCount) * 100);
}

function cardPage(page: StepPage, stepCount: number, words: ScreenWords) {
  return {
    stepOf: words.stepOf(page.stepNumber, stepCount),
    title: capitalised(page.title),
    shown: page.shown,
    ...place(page.area, words),
    progress: progressAt(page.stepNumber, stepCount),
    timeLeft: words.timeLeft(page.secondsLeft),
  };
}

/** Milliseconds from each page to the next, as the speech turns them. */
export function pageSchedule(pages: readonly StepPage[]): number[] {
  return pages.slice(1).map((page, index) => {
    const previous = pages[index]?.atSeconds ?? 0;
    return Math.max(0, Math.round((page.atSeconds - previous) * 1000));
  });
}

/** The card's data: what the document binds as `payload.card`. */
export function cardData(view: ScreenView, words: ScreenWords): Record<string, unknown> {
  const common = { kind: view.kind, labels: labels(words) };
  switch (view.kind) {
    case 'routine': {
      const pages = view.pages.slice(0, MAX_PAGES);
      return {
        ...common,
        heading: capitalised(view.routineName),
        pressure: words.pressure(view.pressure),
        pageCount: pages.length,
        pages: pages.map((page) => cardPage(page, view.stepCount, words)),
        schedule: pageSchedule(pages),
      };
    }
    case 'halted':
    case 'paused':
      return {
        ...common,
        ...(view.kind === 'halted' ? { cause: view.cause, action: view.action } : {}),
        heading: capitalised(view.routineName),
        stepOf: words.stepOf(view.stepNumber, view.stepCount),
        pausedAt: words.pausedAt(view.stepNumber),
        title: capitalised(view.title),
        ...place(view.area, words),
      };
    case 'warning': {
      const number = view.tier === 1 ? words.emergencyNumber.trim() : '';
      return { ...common, tier: view.tier, action: view.action, detail: view.detail, hasNumber: number !== '', number };
    }
    case 'menu':
      return {
        ...common,
        heading: words.chooseRoutine,
        routines: view.routines.map((routine) => ({
          id: routine.id,
          name: capitalised(routine.name),
          summary: routine.summary,
        })),
        hasResume: view.paused !== undefined,
        ...(view.paused
          ? {
              resume: {
                routineId: view.paused.routineId,
                label: `${words.resume}: ${capitalised(view.paused.routineName)}`,
                detail: words.pausedAt(view.paused.stepNumber),
              },
            }
          : {}),
      };
    case 'closing':
      return { ...common, heading: capitalised(view.routineName), line: view.line };
    case 'labour':
      return { ...common, line: view.line };
  }
}

/** The RenderDocument directive for a view, in the locale's words. */
export function screenDirective(
  view: ScreenView,
  words: ScreenWords,
): interfaces.alexa.presentation.apl.RenderDocumentDirective {
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: SCREEN_TOKEN,
    document: screenDocument(),
    datasources: { card: cardData(view, words) },
  };
}

/** The bytes a directive (or any value) takes in the response's JSON. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
