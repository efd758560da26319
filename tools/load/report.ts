/** The load run's figures as a bench-style table, and the verdict lines under it. */
import { type Figure, formatTable } from '../bench/report';
import { round } from '../bench/stats';
import { ALEXA_DEADLINE_MS, type LoadResult } from './runner';

/** Heap growth (after a collection) from the first minute of a soak to its last, above which it fails. */
export const HEAP_GROWTH_LIMIT = 0.1;

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

function info(figure: string, measured: string, values: Figure['values'] = {}): Figure {
  return { figure, measured, goal: 'report only', baseline: '-', ratio: '-', pass: null, values };
}

function check(figure: string, measured: string, goal: string, pass: boolean, values: Figure['values'] = {}): Figure {
  return { figure, measured, goal, baseline: '-', ratio: '-', pass, values };
}

/** Mean heap of the samples in the first and the last minute (or first and last quarter of a short run). */
export function heapTrend(result: LoadResult): { first: number; last: number; growth: number } | undefined {
  const samples = result.memory;
  if (samples.length < 4) return undefined;
  const end = samples[samples.length - 1]?.atS ?? 0;
  const window = end >= 180 ? 60 : Math.max(1, end / 4);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  // The first sample is taken before any user ran: the harness's own users are built by then.
  const first = mean(samples.filter((s) => s.atS > 0 && s.atS <= window).map((s) => s.heapUsedMb));
  const last = mean(samples.filter((s) => s.atS >= end - window).map((s) => s.heapUsedMb));
  return { first, last, growth: (last - first) / first };
}

export function loadFigures(result: LoadResult, soak: boolean): Figure[] {
  const calls = Object.values(result.dynamoCalls).reduce((a, b) => a + b, 0);
  const byCommand = Object.entries(result.dynamoCalls)
    .map(([name, count]) => `${name} ${round(count / result.turns, 3)}`)
    .join(', ');
  const figures: Figure[] = [
    info('users / devices / rounds', `${result.users} / ${result.devices} / ${result.rounds}`, {
      users: result.users,
      devices: result.devices,
      rounds: result.rounds,
    }),
    info('turns / seconds', `${result.turns} / ${result.seconds.toFixed(1)} s`, {
      turns: result.turns,
      seconds: round(result.seconds, 1),
    }),
    info('turns per second', (result.turns / result.seconds).toFixed(0), {
      turnsPerSecond: round(result.turns / result.seconds, 1),
    }),
    info(
      'turn latency median / p99 / max',
      `${ms(result.latency.percentile(50))} / ${ms(result.latency.percentile(99))} / ${ms(result.latency.max)}`,
      {
        medianMs: round(result.latency.percentile(50), 2),
        p99Ms: round(result.latency.percentile(99), 2),
        maxMs: round(result.latency.max, 2),
      },
    ),
    info(
      `wait for one of ${result.containers} containers, median / p99`,
      `${ms(result.queueWait.percentile(50))} / ${ms(result.queueWait.percentile(99))}`,
      { medianMs: round(result.queueWait.percentile(50), 2), p99Ms: round(result.queueWait.percentile(99), 2) },
    ),
    check(
      `turns over Alexa's ${ALEXA_DEADLINE_MS / 1000} s`,
      String(result.turnsOverDeadline),
      '0',
      result.turnsOverDeadline === 0,
      { over: result.turnsOverDeadline },
    ),
    check('turns without a valid answer', String(result.turnErrors), '0', result.turnErrors === 0, {
      errors: result.turnErrors,
    }),
    info('DynamoDB calls per turn', `${round(calls / result.turns, 3)} (${byCommand})`, {
      perTurn: round(calls / result.turns, 3),
    }),
    info(
      'DynamoDB call latency median / p99 / max',
      `${ms(result.dynamoLatency.percentile(50))} / ${ms(result.dynamoLatency.percentile(99))} / ${ms(result.dynamoLatency.max)}`,
      { medianMs: round(result.dynamoLatency.percentile(50), 2), p99Ms: round(result.dynamoLatency.percentile(99), 2) },
    ),
    info(
      'CPU: handler process / dynalite process',
      `${(result.handlerCpu * 100).toFixed(0)} % / ${(result.dynaliteCpu * 100).toFixed(0)} % of a core (event loop ${(result.eventLoopUtilization * 100).toFixed(0)} % busy)`,
      {
        handlerCpu: round(result.handlerCpu, 3),
        dynaliteCpu: round(result.dynaliteCpu, 3),
        eventLoopUtilization: round(result.eventLoopUtilization, 3),
      },
    ),
  ];
  const trend = heapTrend(result);
  const peakRss = Math.max(...result.memory.map((s) => s.rssMb));
  if (trend) {
    const measured = `${trend.first.toFixed(1)} → ${trend.last.toFixed(1)} MB (${(trend.growth * 100).toFixed(1)} %), peak RSS ${peakRss.toFixed(0)} MB`;
    figures.push(
      soak
        ? check(
            `heap${result.gcExposed ? ' after GC' : ''}, first → last minute`,
            measured,
            `growth < ${HEAP_GROWTH_LIMIT * 100} %`,
            trend.growth < HEAP_GROWTH_LIMIT,
            { firstMb: round(trend.first, 1), lastMb: round(trend.last, 1) },
          )
        : info(`heap${result.gcExposed ? ' after GC' : ''}, first → last quarter`, measured),
    );
  }
  if (result.chaos) {
    const faults = Object.entries(result.chaos)
      .filter(([action, count]) => action !== 'pass' && count > 0)
      .map(([action, count]) => `${action} ${count}`)
      .join(', ');
    figures.push(
      info(
        'chaos injected',
        `${result.chaosSeconds.toFixed(0)} s: ${faults}; dynalite restarts ${result.dynaliteRestarts}`,
        {
          ...result.chaos,
          restarts: result.dynaliteRestarts,
        },
      ),
    );
    figures.push(
      info(
        'sessions ended with a change unsaved',
        `${result.sessionsEndedUnsaved}, holding ${result.practiceEndedUnsaved} finished routines`,
        { sessions: result.sessionsEndedUnsaved, practice: result.practiceEndedUnsaved },
      ),
      info('finished routines missing from the table', String(result.practiceLost), { lost: result.practiceLost }),
    );
  }
  figures.push(
    check(
      'log lines leaking ids, tokens or speech',
      `${result.logScan.leaks} of ${result.logScan.lines}`,
      '0',
      result.logScan.leaks === 0,
    ),
    check(
      'stored items with a health word',
      `${result.healthItems.count} of ${result.itemsScanned}`,
      '0',
      result.healthItems.count === 0 && result.itemsScanned > 0,
    ),
    check(
      'requests for another skill rejected, touching nothing',
      `${result.foreignRejected} of ${result.foreignSent}, ${result.foreignTouched} touched the table`,
      'all, none',
      result.foreignSent > 0 && result.foreignRejected === result.foreignSent && result.foreignTouched === 0,
    ),
    check(
      'users whose item is not what their sessions made',
      `${result.usersWrong} of ${result.usersChecked}${result.usersWrong > 0 ? ` (${result.usersWrongAfterUnsavedEnd} after a session ended unsaved)` : ''}`,
      '0',
      result.usersWrong === 0,
    ),
    check('duplicated practice', String(result.duplicatedPractice), '0', result.duplicatedPractice === 0),
  );
  return figures;
}

/** The last heap sample of each minute of the run, in MB. */
export function heapByMinute(result: LoadResult): string[] {
  const byMinute = new Map<number, number>();
  for (const sample of result.memory) byMinute.set(Math.floor(sample.atS / 60), sample.heapUsedMb);
  return [...byMinute.entries()].map(([minute, mb]) => `${minute}: ${mb.toFixed(1)}`);
}

/**
 * What held throughput back: the process whose CPU ran out. The load runner's process runs the
 * handler, the SDK client, the simulated devices and the chaos proxy on one event loop; dynalite
 * runs in its own process.
 */
export function limitNote(result: LoadResult): string {
  const loop = `event loop ${(result.eventLoopUtilization * 100).toFixed(0)} % busy`;
  const dynalite = `dynalite ${(result.dynaliteCpu * 100).toFixed(0)} % of a core`;
  if (result.eventLoopUtilization > 0.9 && result.dynaliteCpu < 0.8) {
    return `limit: the runner's one event loop (handler, SDK client, simulated devices, proxy: ${loop}), not dynalite (${dynalite})`;
  }
  if (result.dynaliteCpu >= 0.8) return `limit: dynalite's one process (${dynalite}; ${loop})`;
  return `limit: neither process saturated (${loop}, ${dynalite}): latency is waiting on I/O or injected faults`;
}

/** The table, notes, and the last line: "lost updates: N". */
export function formatLoadReport(result: LoadResult, soak: boolean): string {
  const notes: string[] = [limitNote(result)];
  if (Object.keys(result.logScan.byEvent).length > 0) {
    notes.push(
      `log events: ${Object.entries(result.logScan.byEvent)
        .map(([event, count]) => `${event} ${count}`)
        .join(', ')}`,
    );
  }
  if (result.memory.length > 2) notes.push(`heap after each minute (MB): ${heapByMinute(result).join(', ')}`);
  for (const leak of result.logScan.samples) notes.push(`LEAK ${leak}`);
  for (const sample of result.healthItems.samples) notes.push(`HEALTH WORD ${sample}`);
  for (const sample of result.errorSamples) notes.push(`turn error ${sample}`);
  for (const sample of result.differenceSamples) notes.push(`difference ${sample}`);
  for (const [what, count] of Object.entries(result.scriptSurprises)) notes.push(`script: ${what} × ${count}`);
  return [
    formatTable(loadFigures(result, soak)),
    '',
    ...notes.map((note) => `- ${note}`),
    '',
    `lost updates: ${result.lostUpdates}`,
  ].join('\n');
}
