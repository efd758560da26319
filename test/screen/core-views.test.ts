/**
 * The views the core itself leaves, walked through whole routines (continuous and step by step,
 * with a pause, "it hurts" and the menu), render as cards that inflate cleanly on every viewport.
 */

import { lines } from '../../lambda/content';
import { ROUTINE_IDS } from '../../lambda/core/catalogue';
import type { ScreenView } from '../../lambda/core/screen';
import { screenDirective } from '../../lambda/screen';
import { CoreWalker } from '../support/walk';
import { inflate, VIEWPORTS } from './apl-check';

type Json = { readonly [key: string]: unknown };

function viewsOf(walker: CoreWalker): ScreenView[] {
  return walker.turns.flatMap((turn) => (turn.plan.view ? [turn.plan.view] : []));
}

describe('views from the core', () => {
  it.each(ROUTINE_IDS.flatMap((id) => [[id, 'continuous'] as const, [id, 'stepByStep'] as const]))(
    '%s (%s) renders every view the walk leaves',
    (routineId, flow) => {
      const walker = new CoreWalker({ flow });
      walker.begin(routineId);
      walker.send({ type: 'discomfort' });
      walker.send({ type: 'resume' });
      walker.send({ type: 'pause' });
      walker.send({ type: 'resume' });
      walker.walk(routineId);
      const views = viewsOf(walker);
      expect([...new Set(views.map((view) => view.kind))].sort()).toEqual(['closing', 'halted', 'paused', 'routine']);
      const problems = views.flatMap((view) => {
        const directive = screenDirective(view, lines.screen);
        return VIEWPORTS.flatMap((viewport) =>
          inflate(directive.document as Json, directive.datasources as Json, viewport).problems.map(
            (problem) => `${view.kind} on ${viewport.name}: ${problem}`,
          ),
        );
      });
      expect(problems).toEqual([]);
    },
  );
});
