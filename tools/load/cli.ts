/**
 * `npm run load`: many simulated users through the real handler and the DynamoDB store on dynalite
 * (tools/load/runner.ts), then the figures and "lost updates: N"; exits 1 when a check fails.
 * Options: --users N (500) --turns N (20000) --soak MINUTES (run that long instead) --chaos
 * --seed N (1) --containers N (turns in the handler at once, 8). Progress goes to stderr.
 */
import { formatLoadReport, loadFigures } from './report';
import { DEFAULT_CONTAINERS, type LoadOptions, runLoad } from './runner';

export const USAGE =
  'usage: npm run load -- [--users N] [--turns N] [--soak MINUTES] [--chaos] [--seed N] [--containers N]';

function numberOption(args: readonly string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} needs a number. ${USAGE}`);
  return value;
}

/** The run's options from the command line (without progress). */
export function parseLoadArgs(args: readonly string[]): LoadOptions {
  return {
    users: numberOption(args, '--users', 500),
    turns: numberOption(args, '--turns', 20_000),
    soakMinutes: numberOption(args, '--soak', 0),
    chaos: args.includes('--chaos'),
    seed: numberOption(args, '--seed', 1),
    containers: numberOption(args, '--containers', DEFAULT_CONTAINERS),
  };
}

/** Runs the load and writes the report; returns the exit code (1 when a check failed or an update was lost). */
export async function loadCli(
  args: readonly string[],
  write: (text: string) => void,
  progress: (message: string) => void,
): Promise<number> {
  if (args.includes('--help')) {
    write(`${USAGE}\n`);
    return 0;
  }
  const options = parseLoadArgs(args);
  const soak = (options.soakMinutes ?? 0) > 0;
  progress(
    `${options.users} users, ${soak ? `${options.soakMinutes} min soak` : `${options.turns} turns`}${options.chaos ? ', chaos' : ''}, seed ${options.seed}`,
  );
  const result = await runLoad({ ...options, progress });
  write(`${formatLoadReport(result, soak)}\n`);
  const failed = result.lostUpdates > 0 || loadFigures(result, soak).some((figure) => figure.pass === false);
  return failed ? 1 : 0;
}

/** The command: runs with these arguments and sets the process's exit code. */
export async function main(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = await loadCli(
      args,
      (text) => process.stdout.write(text),
      (message) => process.stderr.write(`load: ${message}\n`),
    );
  } catch (error) {
    process.stderr.write(`load: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
