/**
 * Figure 5: the largest response over the whole catalogue and every preference combination,
 * walked through the core with CoreWalker and rendered with renderPlan.
 */
import { ROUTINES } from '../../lambda/content';
import type { Decision } from '../../lambda/core/coach';
import { MAX_RESPONSE_SECONDS, MAX_SSML_CHARACTERS } from '../../lambda/core/limits';
import { FLOWS, PACES, PRESSURE_LEVELS, type Preferences, SPEECH_RATES } from '../../lambda/core/preferences';
import { renderPlan } from '../../lambda/speech/ssml';
import { CoreWalker } from '../../test/support/walk';

export interface Largest {
  readonly value: number;
  readonly where: string;
}

export interface SpeechBudget {
  readonly walks: number;
  readonly responses: number;
  readonly characters: Largest;
  readonly seconds: Largest;
  /** renderPlan refused these (a limit broken), or a walk did not reach the closing. */
  readonly failures: readonly string[];
}

function stepsOf(result: Decision): string {
  const steps = [...new Set(result.plan.segments.flatMap((s) => (s.step === undefined ? [] : [s.step + 1])))];
  if (steps.length === 0) return 'no step';
  const first = steps[0];
  const last = steps[steps.length - 1];
  return first === last ? `step ${first}` : `steps ${first}-${last}`;
}

function prefsText(p: Preferences): string {
  return `${p.pressure}/${p.pace}/${p.speechRate}/${p.flow}`;
}

export function speechBudget(): SpeechBudget {
  let characters: Largest = { value: 0, where: '' };
  let seconds: Largest = { value: 0, where: '' };
  const failures: string[] = [];
  let walks = 0;
  let responses = 0;
  for (const routine of ROUTINES) {
    for (const pressure of PRESSURE_LEVELS) {
      for (const pace of PACES) {
        for (const speechRate of SPEECH_RATES) {
          for (const flow of FLOWS) {
            const prefs: Preferences = { pressure, pace, speechRate, flow, handsFree: 'off' };
            const walker = new CoreWalker(prefs);
            const turns = walker.walk(routine.id);
            walks += 1;
            if (walker.state.mode !== 'menu') failures.push(`${routine.id} ${prefsText(prefs)}: did not finish`);
            for (const turn of turns) {
              responses += 1;
              const where = `${routine.id} ${stepsOf(turn)} (${prefsText(prefs)})`;
              try {
                const rendered = renderPlan(turn.plan, speechRate);
                const size = Math.max(rendered.ssml.length, rendered.repromptSsml?.length ?? 0);
                if (size > characters.value) characters = { value: size, where };
                if (rendered.seconds > seconds.value) seconds = { value: rendered.seconds, where };
              } catch (error) {
                failures.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
              }
            }
          }
        }
      }
    }
  }
  return { walks, responses, characters, seconds, failures };
}

export const SPEECH_LIMITS = { characters: MAX_SSML_CHARACTERS, seconds: MAX_RESPONSE_SECONDS } as const;
