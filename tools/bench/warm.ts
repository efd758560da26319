/** Figure 3: handler time per turn over the scripted sessions, in memory and on DynamoDB. */
import { performance } from 'node:perf_hooks';
import { silentLogger } from '../../lambda/log';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import type { UserStore } from '../../lambda/persistence/user-store';
import { createHandler } from '../../lambda/skill';
import type { SkillHandler } from '../simulator/session-driver';
import { runScript } from './session-script';
import { median, percentile } from './stats';

export interface WarmResult {
  readonly turns: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Runs the script `repeats` times (after `warmup` uncounted runs), a new user each time. */
export async function warmTurns(store: UserStore, repeats: number, warmup: number, tag: string): Promise<WarmResult> {
  const inner = createHandler({ store, logger: silentLogger });
  const times: number[] = [];
  let recording = false;
  const handler: SkillHandler = async (event, context) => {
    const start = performance.now();
    const response = await inner(event, context);
    if (recording) times.push(performance.now() - start);
    return response;
  };
  for (let run = 0; run < warmup + repeats; run += 1) {
    recording = run >= warmup;
    await runScript(handler, `amzn1.ask.account.bench-warm-${tag}-${run}`);
  }
  return {
    turns: times.length,
    medianMs: median(times),
    p99Ms: percentile(times, 99),
    maxMs: Math.max(...times),
  };
}

export function memoryStore(): UserStore {
  return new MemoryUserStore();
}
