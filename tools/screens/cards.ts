/**
 * Sample cards for the preview, drawn by the skill's own renderer (lambda/screen/render.ts) from
 * views built the way the core builds them: a step of a routine, and a tier 1 warning.
 */

import { contentFor } from '../../lambda/content';
import type { RoutineId } from '../../lambda/core/catalogue';
import { firstSentence, type ScreenView, type StepPage } from '../../lambda/core/screen';
import { screenDirective } from '../../lambda/screen/render';

export interface SampleCard {
  readonly name: string;
  readonly document: unknown;
  readonly datasources: unknown;
}

const content = contentFor('en-GB');

function stepView(routineId: RoutineId, stepNumber: number): ScreenView {
  const routine = content.catalogue.get(routineId);
  if (!routine) throw new Error(`no routine ${routineId}`);
  const rest = routine.steps.slice(stepNumber - 1);
  const step = rest[0];
  if (!step) throw new Error(`${routineId} has no step ${stepNumber}`);
  const page: StepPage = {
    stepNumber,
    title: step.title,
    shown: firstSentence(step.instruction.medium),
    area: step.area,
    secondsLeft: rest.reduce((sum, each) => sum + each.holdSeconds, 0),
    atSeconds: 0,
  };
  return {
    kind: 'routine',
    routineId,
    routineName: routine.name,
    stepCount: routine.steps.length,
    pressure: 'medium',
    pages: [page],
  };
}

function card(name: string, view: ScreenView): SampleCard {
  const directive = screenDirective(view, content.wording.screen);
  return { name, document: directive.document, datasources: directive.datasources };
}

/** The cards the preview draws. */
export function sampleCards(): SampleCard[] {
  const { tierAction, signClause } = content.wording;
  return [
    card('card-lowerBack-step2.png', stepView('lowerBack', 2)),
    card('card-foot-step3.png', stepView('foot', 3)),
    card('card-hipsLegs-step5.png', stepView('hipsLegs', 5)),
    card('card-warning-tier1.png', {
      kind: 'warning',
      tier: 1,
      action: tierAction[1],
      detail: signClause.heavyBleeding,
    }),
  ];
}
