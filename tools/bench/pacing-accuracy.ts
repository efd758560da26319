/**
 * Figure 6: how close each step's estimated timeline comes to its target length, for every step
 * at every pace and speech rate (and every pressure, whose instructions differ in length).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lines, ROUTINES } from '../../lambda/content';
import { stepTargetSeconds, stepTimeline, timelineSeconds } from '../../lambda/core/pacing';
import { PACES, PRESSURE_LEVELS, type Preferences, SPEECH_RATES } from '../../lambda/core/preferences';
import { WORDS_PER_SECOND } from '../../lambda/core/speech-estimate';
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
            const prefs: Preferences = { pressure, pace, speechRate, flow: 'continuous', handsFree: 'off' };
            const target = stepTargetSeconds(routine, index, prefs);
            const actual = timelineSeconds(stepTimeline(routine, index, prefs, lines));
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

/**
 * With espeak-ng on PATH, speaks every line of three steps to WAV with the voice set to the
 * estimate's words per minute, adds the steps' silences, and compares the total with each step's
 * target. (espeak-ng merges chained <break> tags into one, unlike Alexa, so the silences are
 * added from the timeline rather than rendered.)
 */
export function audioCheck(): AudioCheck {
  if (!hasEspeak())
    return { ran: false, message: 'espeak-ng (Debian package) not installed: speech-estimate check skipped' };
  const dir = mkdtempSync(join(tmpdir(), 'bench-audio-'));
  const wordsPerMinute = String(Math.round(WORDS_PER_SECOND * 60));
  try {
    const parts: string[] = [];
    const errors: number[] = [];
    for (const routine of ROUTINES.slice(0, 3)) {
      const prefs: Preferences = {
        pressure: 'gentle',
        pace: 'normal',
        speechRate: 'normal',
        flow: 'continuous',
        handsFree: 'off',
      };
      const target = stepTargetSeconds(routine, 1, prefs);
      let total = 0;
      let failed = false;
      for (const [index, segment] of stepTimeline(routine, 1, prefs, lines).entries()) {
        if (segment.kind === 'silence') {
          total += segment.seconds;
          continue;
        }
        const wav = join(dir, `${routine.id}-${index}.wav`);
        const result = spawnSync('espeak-ng', ['-s', wordsPerMinute, '-w', wav, segment.text], { stdio: 'ignore' });
        if (result.status !== 0) {
          failed = true;
          break;
        }
        // espeak-ng writes 16-bit mono PCM at 22,050 Hz after a 44-byte header.
        total += (statSync(wav).size - 44) / (22_050 * 2);
      }
      if (failed) {
        parts.push(`${routine.id}: espeak-ng failed`);
        continue;
      }
      const pct = ((total - target) / target) * 100;
      errors.push(Math.abs(pct));
      const sign = pct >= 0 ? '+' : '';
      parts.push(
        `${routine.steps[1]?.id}: ${total.toFixed(1)} s vs ${target.toFixed(1)} s target (${sign}${pct.toFixed(1)}%)`,
      );
    }
    const worst = errors.reduce((max, value) => Math.max(max, value), 0);
    return {
      ran: true,
      message: `audio (espeak-ng at ${wordsPerMinute} wpm, step 2 of three routines), worst ${worst.toFixed(1)}%: ${parts.join('; ')}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
