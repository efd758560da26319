/**
 * Figure 6: how close each step's estimated timeline comes to its target length, for every step
 * at every pace and speech rate (and every pressure, whose instructions differ in length).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROUTINES } from '../../lambda/content/routines';
import { stepTargetSeconds, stepTimeline, timelineSeconds } from '../../lambda/core/pacing';
import { PACES, PRESSURE_LEVELS, type Preferences, SPEECH_RATES } from '../../lambda/core/preferences';
import { median } from './stats';

export interface PacingAccuracy {
  readonly steps: number;
  readonly medianErrorPct: number;
  readonly worstErrorPct: number;
  readonly worstWhere: string;
}

export function pacingAccuracy(): PacingAccuracy {
  const errors: number[] = [];
  let worst = { pct: -1, where: '' };
  for (const routine of ROUTINES) {
    routine.steps.forEach((step, index) => {
      for (const pressure of PRESSURE_LEVELS) {
        for (const pace of PACES) {
          for (const speechRate of SPEECH_RATES) {
            const prefs: Preferences = { pressure, pace, speechRate, flow: 'continuous' };
            const target = stepTargetSeconds(routine, index, prefs);
            const actual = timelineSeconds(stepTimeline(routine, index, prefs));
            const pct = (Math.abs(actual - target) / target) * 100;
            errors.push(pct);
            if (pct > worst.pct) {
              worst = {
                pct,
                where: `${step.id} ${pressure}/${pace}/${speechRate}: ${actual.toFixed(2)} s vs ${target.toFixed(2)} s`,
              };
            }
          }
        }
      }
    });
  }
  return { steps: errors.length, medianErrorPct: median(errors), worstErrorPct: worst.pct, worstWhere: worst.where };
}

export interface AudioCheck {
  readonly ran: boolean;
  readonly message: string;
}

function hasEspeak(): boolean {
  return spawnSync('sh', ['-c', 'command -v espeak-ng'], { stdio: 'ignore' }).status === 0;
}

/** With espeak-ng on PATH, renders three step introductions to WAV and compares their length to the estimate. */
export function audioCheck(): AudioCheck {
  if (!hasEspeak()) return { ran: false, message: 'espeak-ng not installed: audio check skipped' };
  const dir = mkdtempSync(join(tmpdir(), 'bench-audio-'));
  try {
    const parts: string[] = [];
    for (const routine of ROUTINES.slice(0, 3)) {
      const prefs: Preferences = { pressure: 'gentle', pace: 'normal', speechRate: 'normal', flow: 'continuous' };
      const intro = stepTimeline(routine, 0, prefs)[0];
      if (intro?.kind !== 'speech') continue;
      const wav = join(dir, `${routine.id}.wav`);
      const result = spawnSync('espeak-ng', ['-w', wav, intro.text], { stdio: 'ignore' });
      if (result.status !== 0) {
        parts.push(`${routine.id}: espeak-ng failed`);
        continue;
      }
      // espeak-ng writes 16-bit mono PCM at 22,050 Hz after a 44-byte header.
      const audioSeconds = (statSync(wav).size - 44) / (22_050 * 2);
      parts.push(`${routine.id}: ${audioSeconds.toFixed(1)} s audio vs ${intro.seconds.toFixed(1)} s estimated`);
    }
    return { ran: true, message: parts.join('; ') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
