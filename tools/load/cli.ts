/**
 * `npm run load`: many simulated users through the real handler and the DynamoDB store on dynalite
 * (tools/load/runner.ts), then the figures and "lost updates: N"; exits 1 when a check fails.
 * Options: --users N (500) --turns N (20000) --soak MINUTES (run that long instead) --chaos
 * --seed N (1) --containers N (turns in the handler at once, 8). Progress goes to stderr.
 */
import { formatLoadReport, loadFigures } from './report';
import { DEFAULT_CONTAINERS, runLoad } from './runner';

const USAGE = 'usage: npm run load -- [--users N] [--turns N] [--soak MINUTES] [--chaos] [--seed N] [--containers N]';

function numberOption(args: readonly string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} needs a number. ${USAGE}`);
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const users = numberOption(args, '--users', 500);
  const turns = numberOption(args, '--turns', 20_000);
  const soak = numberOption(args, '--soak', 0);
  const chaos = args.includes('--chaos');
  const seed = numberOption(args, '--seed', 1);
  const containers = numberOption(args, '--containers', DEFAULT_CONTAINERS);
  const progress = (message: string) => process.stderr.write(`load: ${message}\n`);
  progress(
    `${users} users, ${soak > 0 ? `${soak} min soak` : `${turns} turns`}${chaos ? ', chaos' : ''}, seed ${seed}`,
  );
  const result = await runLoad({ users, turns, soakMinutes: soak, chaos, seed, containers, progress });
  process.stdout.write(`${formatLoadReport(result, soak > 0)}\n`);
  const failed = result.lostUpdates > 0 || loadFigures(result, soak > 0).some((figure) => figure.pass === false);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
