/**
 * A routine as the British source writes it: its name, synonyms and summary, which a menu reads,
 * and the rest, made with a locale's care terms only when it is first read
 * (content/locale-content.ts), so a launch that lists the routines makes none of their steps.
 */
import type { Routine, RoutineId } from '../../core/catalogue';
import type { CareTerms } from '../locales';

/** Everything of a routine but its id, name, synonyms and summary. */
export type RoutineDetails = Omit<Routine, 'id' | 'name' | 'synonyms' | 'summary'>;

export interface RoutineSource {
  readonly id: RoutineId;
  readonly name: string;
  readonly synonyms: readonly string[];
  readonly summary: string;
  readonly details: (care: CareTerms) => RoutineDetails;
}

/** The fields `details` makes, in the order a routine lists them. */
export const DETAIL_FIELDS: Readonly<Record<keyof RoutineDetails, true>> = {
  position: true,
  cautions: true,
  pointsToAvoid: true,
  steps: true,
  closing: true,
};
