/**
 * Every card the skill can show, built from the catalogue and the lines of each locale as the core
 * builds its views (lambda/core/coach/screen-view.ts): each routine from each step on at each
 * pressure (the pages of a continuous answer, the longest a card gets), each routine halted for
 * each cause and paused at each step, the menu with and without a paused routine, each warning
 * sign, each closing, and labour.
 */
import { contentFor } from '../../lambda/content';
import { LOCALES, type LocaleId } from '../../lambda/content/locales';
import type { Routine } from '../../lambda/core/catalogue';
import { remainingSeconds } from '../../lambda/core/pacing';
import { DEFAULT_PREFERENCES, PRESSURE_LEVELS, type PressureLevel } from '../../lambda/core/preferences';
import { firstSentence, type HaltedView, type ScreenView, type StepPage } from '../../lambda/core/screen';
import { tierOf, WARNING_SIGN_IDS } from '../../lambda/core/warning-signs';
import type { ScreenWords } from '../../lambda/core/wording';

export interface Card {
  readonly name: string;
  readonly locale: LocaleId;
  readonly view: ScreenView;
  readonly words: ScreenWords;
}

/** The routine's steps from `from` on, as one continuous answer speaks them. */
export function routinePages(routine: Routine, from: number, pressure: PressureLevel): StepPage[] {
  const prefs = { ...DEFAULT_PREFERENCES, pressure };
  const left = (stepIndex: number) => Math.round(remainingSeconds(routine, { stepIndex, offset: 0 }, prefs));
  return routine.steps.slice(from).map((step, offset) => ({
    stepNumber: from + offset + 1,
    title: step.title,
    shown: firstSentence(step.instruction[pressure]),
    area: step.area,
    secondsLeft: left(from + offset),
    atSeconds: left(from) - left(from + offset),
  }));
}

function routineCards(locale: LocaleId, routine: Routine, words: ScreenWords): Card[] {
  return routine.steps.flatMap((step, index) => {
    const at = { routineId: routine.id, routineName: routine.name, stepNumber: index + 1 };
    const place = { ...at, stepCount: routine.steps.length, title: step.title, area: step.area };
    const name = `${locale} ${routine.id} step ${index + 1}`;
    const content = contentFor(locale).wording;
    const causes: [HaltedView['cause'], string][] = [
      ['discomfort', content.discomfort],
      ['unwell', content.unwell],
      ['unclear', content.notUnderstoodStopped],
    ];
    return [
      ...PRESSURE_LEVELS.map((pressure) => ({
        name: `${name} ${pressure}`,
        locale,
        words,
        view: {
          kind: 'routine',
          routineId: routine.id,
          routineName: routine.name,
          stepCount: routine.steps.length,
          pressure,
          pages: routinePages(routine, index, pressure),
        } as const,
      })),
      ...causes.map(([cause, line]) => ({
        name: `${name} halted (${cause})`,
        locale,
        words,
        view: { kind: 'halted', cause, ...place, action: firstSentence(line) } as const,
      })),
      { name: `${name} paused`, locale, words, view: { kind: 'paused', ...place } as const },
    ];
  });
}

/** Every card for one locale. */
export function cardsFor(locale: LocaleId): Card[] {
  const { catalogue, wording } = contentFor(locale);
  const words = wording.screen;
  const routines = catalogue.routines.map((r) => ({ id: r.id, name: r.name, summary: r.summary }));
  const card = (name: string, view: ScreenView): Card => ({ name: `${locale} ${name}`, locale, view, words });
  return [
    ...catalogue.routines.flatMap((routine) => routineCards(locale, routine, words)),
    card('menu', { kind: 'menu', routines }),
    ...catalogue.routines.map((routine) =>
      card(`menu with ${routine.id} paused`, {
        kind: 'menu',
        routines,
        paused: { routineId: routine.id, routineName: routine.name, stepNumber: routine.steps.length },
      }),
    ),
    ...WARNING_SIGN_IDS.map((sign) =>
      card(`warning ${sign}`, {
        kind: 'warning',
        tier: tierOf(sign),
        action: wording.tierAction[tierOf(sign)],
        detail: wording.signClause[sign],
      }),
    ),
    ...catalogue.routines.map((routine) =>
      card(`closing ${routine.id}`, {
        kind: 'closing',
        routineId: routine.id,
        routineName: routine.name,
        line: firstSentence(routine.closing),
      }),
    ),
    card('labour', { kind: 'labour', line: firstSentence(wording.contractionStart) }),
  ];
}

export const ALL_CARDS: readonly Card[] = LOCALES.flatMap(cardsFor);
