/**
 * `npm run bench`: builds the bundle if stale, measures eight figures and prints them as a table
 * (`-- --json`: the same figures as JSON, and nothing else, on stdout). Progress goes to stderr.
 * The last, the local render of the whole audio catalogue, takes minutes: `-- --no-audio` skips it.
 * Hands-free mode (figure 5) plays the render in build/audio when there is one, else a
 * timeline-only manifest (tools/simulator/audio-source.ts); `-- --timeline-audio` always uses the latter.
 * `-- --cold-only` measures the bundle size and the cold starts and stops there. Cold starts run
 * under the pinned Node 22 (the Lambda runtime's major, tools/node22, installed on first use), or
 * this process's Node where there is no Node 22 build for the platform.
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createStoreFromEnv } from '../../lambda/persistence/dynamo-client';
import { startDynalite } from '../../test/support/dynalite';
import { Node22Unavailable, node22Binary } from '../node22/binary';
import { simulatorAudio } from '../simulator/audio-source';
import { audioRender } from './audio-render';
import {
  BASELINE_BUNDLE,
  buildBaseline,
  buildFloorBundle,
  ensureSkillBundle,
  FLOOR_BUNDLE,
  SKILL_BUNDLE,
  sizeKb,
} from './bundle';
import { coldStarts, seedReturningUser } from './cold-start';
import { dynamoCalls } from './dynamo-calls';
import { handsFreeFigures } from './hands-free-figures';
import { audioCheck, pacingAccuracy } from './pacing-accuracy';
import { type Figure, formatTable } from './report';
import { SPEECH_LIMITS, speechBudget } from './speech-budget';
import { round } from './stats';
import { memoryStore, warmTurns } from './warm';

const COLD_RUNS = 15;
/** Runs of the script counted per store; the in-memory runs are cheap, so more of them steady the p99. */
const WARM_REPEATS_MEMORY = 50;
const WARM_REPEATS_DYNAMO = 20;
const WARM_WARMUP = 5;
const BUNDLE_GOAL_KB = 1024;
const COLD_RATIO_GOAL = 0.9;
/** The skill's own code (its coach, content and store) on top of the floor, at most. */
const OVER_FLOOR_GOAL = 1.1;
const TABLE_NAME = 'bench-profiles';

const json = process.argv.includes('--json');
const withAudio = !process.argv.includes('--no-audio');
const timelineAudio = process.argv.includes('--timeline-audio');
/** Only the bundle size and the cold-start rows (a minute, not the whole bench). */
const coldOnly = process.argv.includes('--cold-only');
/** The render meets each step's target within this, measured on the files. */
const AUDIO_LENGTH_GOAL_PCT = 2;
const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);
const ms = (value: number) => `${value.toFixed(value < 10 ? 3 : 0)} ms`;

/**
 * The node binary cold starts run under: the pinned Node 22 (Lambda's runtime), else this one,
 * said in the notes either way.
 */
function coldStartNode(notes: string[]): string {
  try {
    const node = node22Binary();
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    notes.push(`cold starts ran under Node ${version}, the Lambda runtime's major version (${relative('.', node)})`);
    return node;
  } catch (error) {
    if (!(error instanceof Node22Unavailable)) throw error;
    notes.push(`cold starts ran under this Node, ${process.version}: ${error.message}`);
    return process.execPath;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const figures: Figure[] = [];
  const notes: string[] = [];

  const { rebuilt } = ensureSkillBundle();
  progress(rebuilt ? `rebuilt ${SKILL_BUNDLE}` : `${SKILL_BUNDLE} is up to date`);
  await buildBaseline();
  await buildFloorBundle();

  // 1. Bundle size.
  const skillKb = sizeKb(SKILL_BUNDLE);
  const baselineKb = sizeKb(BASELINE_BUNDLE);
  figures.push({
    figure: 'bundle size',
    measured: `${skillKb.toFixed(1)} KB`,
    goal: `report only (< ${BUNDLE_GOAL_KB} KB)`,
    baseline: `${baselineKb.toFixed(1)} KB`,
    ratio: (skillKb / baselineKb).toFixed(2),
    pass: null,
    values: { skillKb: round(skillKb, 1), baselineKb: round(baselineKb, 1), underGuide: skillKb < BUNDLE_GOAL_KB },
  });

  const dynalite = await startDynalite();
  try {
    // No keys here: with a local endpoint and no keys the client uses static local credentials
    // (the SDK's default chain would read this process's environment, not this object).
    const env = { TABLE_NAME, DYNAMODB_ENDPOINT: dynalite.endpoint, AWS_REGION: 'us-east-1' };
    const dynamo = createStoreFromEnv(env);
    // Creates the table (the store does so on first use with a local endpoint) before anything is timed.
    await dynamo.store.load('amzn1.ask.account.bench-setup');

    // 2. Cold start: a returning user, whose item holds her zone (read at an earlier launch).
    await seedReturningUser(dynamo.store);
    const node = coldStartNode(notes);
    progress(`cold starts: ${COLD_RUNS} × skill, baseline and floor, in rotation`);
    const cold = await coldStarts({
      skillBundle: SKILL_BUNDLE,
      baselineBundle: BASELINE_BUNDLE,
      floorBundle: FLOOR_BUNDLE,
      endpoint: dynalite.endpoint,
      tableName: TABLE_NAME,
      runs: COLD_RUNS,
      node,
    });
    const medianRatio = cold.skill.medianMs / cold.baseline.medianMs;
    figures.push({
      figure: 'cold start median (start to response)',
      measured: ms(cold.skill.medianMs),
      goal: `ratio ≤ ${COLD_RATIO_GOAL.toFixed(2)}`,
      baseline: ms(cold.baseline.medianMs),
      ratio: medianRatio.toFixed(2),
      pass: medianRatio <= COLD_RATIO_GOAL,
      values: {
        runs: cold.skill.runs,
        skillMedianMs: round(cold.skill.medianMs, 1),
        baselineMedianMs: round(cold.baseline.medianMs, 1),
        ratio: round(medianRatio, 3),
        skillStartMs: round(cold.skill.medianStartMs, 1),
        baselineStartMs: round(cold.baseline.medianStartMs, 1),
        skillRequireMs: round(cold.skill.medianRequireMs, 1),
        baselineRequireMs: round(cold.baseline.medianRequireMs, 1),
        skillHandlerMs: round(cold.skill.medianHandlerMs, 1),
        baselineHandlerMs: round(cold.baseline.medianHandlerMs, 1),
      },
    });
    figures.push({
      figure: 'cold start p90',
      measured: ms(cold.skill.p90Ms),
      goal: 'report only',
      baseline: ms(cold.baseline.p90Ms),
      ratio: (cold.skill.p90Ms / cold.baseline.p90Ms).toFixed(2),
      pass: null,
      values: { skillP90Ms: round(cold.skill.p90Ms, 1), baselineP90Ms: round(cold.baseline.p90Ms, 1) },
    });
    figures.push({
      figure: 'cold start peak RSS (median)',
      measured: `${Math.round(cold.skill.medianRssKb)} KB`,
      goal: 'report only',
      baseline: `${Math.round(cold.baseline.medianRssKb)} KB`,
      ratio: (cold.skill.medianRssKb / cold.baseline.medianRssKb).toFixed(2),
      pass: null,
      values: {
        skillMedianRssKb: cold.skill.medianRssKb,
        skillPeakRssKb: cold.skill.peakRssKb,
        baselineMedianRssKb: cold.baseline.medianRssKb,
        baselinePeakRssKb: cold.baseline.peakRssKb,
      },
    });
    notes.push(
      'cold start: each answers a returning user with one GetItem (the table exists before the runs; her item ' +
        'holds the time zone an earlier launch read, with its offset, so the skill calls no Alexa API and loads no ' +
        "ICU zone data); the skill takes its DynamoDB credentials from the environment, sets the client's settings " +
        'itself (no shared config file read) and its bundle leaves the default credential chain out; the floor is ' +
        'the baseline changed in just those ways; all share one set of esbuild settings (tools/build.ts)',
    );
    const floor = cold.floor;
    if (floor !== undefined) {
      const floorRatio = floor.medianMs / cold.baseline.medianMs;
      const overFloor = cold.skill.medianMs / floor.medianMs;
      figures.push({
        figure: 'cold start floor (median)',
        measured: ms(floor.medianMs),
        goal: 'report only',
        baseline: ms(cold.baseline.medianMs),
        ratio: floorRatio.toFixed(2),
        pass: null,
        values: {
          floorMedianMs: round(floor.medianMs, 1),
          ratio: round(floorRatio, 3),
          floorStartMs: round(floor.medianStartMs, 1),
          floorRequireMs: round(floor.medianRequireMs, 1),
          floorHandlerMs: round(floor.medianHandlerMs, 1),
        },
      });
      figures.push({
        figure: 'cold start, skill over its floor (median)',
        measured: ms(cold.skill.medianMs),
        goal: `ratio ≤ ${OVER_FLOOR_GOAL.toFixed(2)}`,
        baseline: ms(floor.medianMs),
        ratio: overFloor.toFixed(2),
        pass: overFloor <= OVER_FLOOR_GOAL,
        values: { ratio: round(overFloor, 3) },
      });
      notes.push(
        `cold start split (median): floor node start ${floor.medianStartMs.toFixed(1)} ms + require ${floor.medianRequireMs.toFixed(1)} ms + first turn ${floor.medianHandlerMs.toFixed(1)} ms`,
      );
    }
    notes.push(
      `cold start split (median): skill node start ${cold.skill.medianStartMs.toFixed(1)} ms + require ${cold.skill.medianRequireMs.toFixed(1)} ms + first turn ${cold.skill.medianHandlerMs.toFixed(1)} ms; ` +
        `baseline node start ${cold.baseline.medianStartMs.toFixed(1)} ms + require ${cold.baseline.medianRequireMs.toFixed(1)} ms + first turn ${cold.baseline.medianHandlerMs.toFixed(1)} ms`,
    );

    if (coldOnly) {
      printReport(started, figures, notes);
      return;
    }

    // 3. Warm turns.
    progress(`warm turns: ${WARM_REPEATS_MEMORY} scripted runs in memory, ${WARM_REPEATS_DYNAMO} on dynalite`);
    const memory = await warmTurns(memoryStore(), WARM_REPEATS_MEMORY, WARM_WARMUP, 'memory');
    const onDynamo = await warmTurns(dynamo.store, WARM_REPEATS_DYNAMO, WARM_WARMUP, 'dynamo');
    figures.push({
      figure: 'warm turn, memory store (median / p99)',
      measured: `${ms(memory.medianMs)} / ${ms(memory.p99Ms)}`,
      goal: '< 1 ms / < 5 ms',
      baseline: '-',
      ratio: '-',
      pass: memory.medianMs < 1 && memory.p99Ms < 5,
      values: {
        turns: memory.turns,
        medianMs: round(memory.medianMs, 3),
        p99Ms: round(memory.p99Ms, 3),
        maxMs: round(memory.maxMs, 3),
      },
    });
    figures.push({
      figure: 'warm turn, DynamoDB/dynalite (median / p99)',
      measured: `${ms(onDynamo.medianMs)} / ${ms(onDynamo.p99Ms)}`,
      goal: 'report only',
      baseline: '-',
      ratio: '-',
      pass: null,
      values: {
        turns: onDynamo.turns,
        medianMs: round(onDynamo.medianMs, 3),
        p99Ms: round(onDynamo.p99Ms, 3),
        maxMs: round(onDynamo.maxMs, 3),
      },
    });

    // 4. DynamoDB calls.
    progress('DynamoDB calls per scripted session');
    const sessions = await dynamoCalls(dynamo.store, dynamo.counter);
    for (const s of sessions) {
      const pass = s.reads <= 1 && s.writes <= s.saves && s.writes < s.turns;
      figures.push({
        figure: `DynamoDB calls, session ${s.session} (${s.turns} turns)`,
        measured: `${s.reads} read${s.reads === 1 ? '' : 's'}, ${s.writes} write${s.writes === 1 ? '' : 's'}`,
        goal: '1 read; writes only on changes',
        baseline: `${s.turns} reads, ${s.turns} writes`,
        ratio: `${((s.reads + s.writes) / (2 * s.turns)).toFixed(2)}`,
        pass,
        values: {
          turns: s.turns,
          reads: s.reads,
          writes: s.writes,
          turnsWithChanges: s.saves,
          writingTurns: s.writingTurns.join(', '),
          otherCommands: JSON.stringify(s.otherCommands),
          standardReads: s.turns,
          standardWrites: s.turns,
        },
      });
      notes.push(`session ${s.session} writes came from: ${s.writingTurns.join(', ') || 'none'}`);
    }

    // 5. Hands-free mode beside the spoken answers: calls per routine, and where "Alexa, pause" lands.
    // A folder with no manifest in it gives the timeline-only manifest.
    const handsFreeAudio = simulatorAudio(timelineAudio ? { renderDir: join(tmpdir(), 'bench-no-render') } : {});
    const handsFree = await handsFreeFigures(dynamo.store, dynamo.counter, handsFreeAudio, progress);
    figures.push(...handsFree.figures);
    notes.push(...handsFree.notes);
  } finally {
    await dynalite.stop();
  }

  // 6. Speech budgets.
  progress('speech budgets over the catalogue × preferences');
  const budget = speechBudget();
  figures.push({
    figure: `largest response, SSML chars (${budget.responses} responses)`,
    measured: `${budget.characters.value}`,
    goal: `< ${SPEECH_LIMITS.characters}`,
    baseline: '-',
    ratio: (budget.characters.value / SPEECH_LIMITS.characters).toFixed(2),
    pass: budget.characters.value < SPEECH_LIMITS.characters && budget.failures.length === 0,
    values: {
      walks: budget.walks,
      responses: budget.responses,
      characters: budget.characters.value,
      where: budget.characters.where,
    },
  });
  figures.push({
    figure: 'largest response, estimated seconds',
    measured: `${budget.seconds.value.toFixed(1)} s`,
    goal: `≤ ${SPEECH_LIMITS.seconds} s`,
    baseline: '-',
    ratio: (budget.seconds.value / SPEECH_LIMITS.seconds).toFixed(2),
    pass: budget.seconds.value <= SPEECH_LIMITS.seconds && budget.failures.length === 0,
    values: { seconds: round(budget.seconds.value, 1), where: budget.seconds.where, failures: budget.failures.length },
  });
  notes.push(`largest SSML: ${budget.characters.where}`);
  notes.push(`longest response: ${budget.seconds.where}`);
  for (const failure of budget.failures.slice(0, 5)) notes.push(`speech budget failure: ${failure}`);

  // 7. Pacing accuracy.
  progress('pacing accuracy');
  const pacing = pacingAccuracy();
  figures.push({
    figure: `pacing error, median (${pacing.steps} step variants)`,
    measured: `${pacing.medianErrorPct.toFixed(2)} %`,
    goal: '≤ 3 %',
    baseline: '-',
    ratio: '-',
    pass: pacing.medianErrorPct <= 3,
    values: { steps: pacing.steps, medianErrorPct: round(pacing.medianErrorPct, 3) },
  });
  figures.push({
    figure: 'pacing error, worst',
    measured: `${pacing.worstErrorPct.toFixed(2)} %`,
    goal: '≤ 10 %',
    baseline: '-',
    ratio: '-',
    pass: pacing.worstErrorPct <= 10,
    values: { worstErrorPct: round(pacing.worstErrorPct, 3), where: pacing.worstWhere },
  });
  notes.push(`worst pacing: ${pacing.worstWhere}`);
  const audio = audioCheck();
  notes.push(audio.message);

  // 8. The local render of the whole audio catalogue.
  if (withAudio) {
    progress('local render of the whole audio catalogue (a few minutes)');
    const render = await audioRender(progress);
    const mb = render.bytes / 1024 / 1024;
    figures.push({
      figure: `audio render, whole catalogue (${render.steps} step variants)`,
      measured: `${render.files} files, ${mb.toFixed(1)} MB, ${render.seconds.toFixed(0)} s`,
      goal: 'report only',
      baseline: '-',
      ratio: '-',
      pass: null,
      values: {
        steps: render.steps,
        files: render.files,
        bytes: render.bytes,
        seconds: round(render.seconds, 1),
        charactersSynthesized: render.charactersSynthesized,
      },
    });
    figures.push({
      figure: 'audio step length error, median / worst',
      measured: `${render.medianErrorPct.toFixed(3)} % / ${render.worstErrorPct.toFixed(3)} %`,
      goal: `≤ ${AUDIO_LENGTH_GOAL_PCT} %, all in format`,
      baseline: '-',
      ratio: '-',
      pass: render.worstErrorPct <= AUDIO_LENGTH_GOAL_PCT && render.offFormat === 0,
      values: {
        medianErrorPct: round(render.medianErrorPct, 4),
        worstErrorPct: round(render.worstErrorPct, 4),
        where: render.worstWhere,
        offFormat: render.offFormat,
      },
    });
    figures.push({
      figure: 'render manifest size',
      measured: `${(render.manifestBytes / 1024).toFixed(1)} KB (gzip ${(render.manifestGzipBytes / 1024).toFixed(1)} KB)`,
      goal: 'report only',
      baseline: '-',
      ratio: '-',
      pass: null,
      values: { bytes: render.manifestBytes, gzipBytes: render.manifestGzipBytes },
    });
    notes.push(`worst audio step length: ${render.worstWhere}`);
    notes.push(`audio: ${render.charactersSynthesized} characters synthesised (what Polly would bill)`);
  } else {
    notes.push('audio render skipped (--no-audio)');
  }

  printReport(started, figures, notes, audio);
}

function printReport(started: number, figures: readonly Figure[], notes: readonly string[], audio?: unknown): void {
  const seconds = (Date.now() - started) / 1000;
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ node: process.version, seconds: round(seconds, 1), figures, notes, audio }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${formatTable(figures)}\n\n`);
    for (const note of notes) process.stdout.write(`- ${note}\n`);
    process.stdout.write(`\nnode ${process.version}, ${seconds.toFixed(1)} s\n`);
  }
  const failed = figures.filter((f) => f.pass === false).length;
  if (failed > 0) progress(`${failed} figure(s) miss their goal`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
