/**
 * `npm run readme:transcript`: the sample session in the README's Quick start is what the
 * simulator prints. The block's `you>` lines are piped into `npm start -- --memory` (the same CLI,
 * run here directly) and its output replaces the block. `-- --check` only compares, and reports the
 * difference. The simulator's clock starts at a fixed time and --memory starts from a new user, so
 * the same lines give the same transcript on every machine.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const REPO_ROOT = join(__dirname, '..', '..');
export const README_PATH = join(REPO_ROOT, 'README.md');
const CLI = join(__dirname, 'cli.ts');
/** The command that rewrites the block; failure messages name it. */
export const REGENERATE_COMMAND = 'npm run readme:transcript';
/** The line right above the block's ```text fence. */
export const TRANSCRIPT_MARKER =
  '<!-- Written by npm run readme:transcript from the "you>" lines of the block below; npm test checks it. -->';
const FENCE_OPEN = '```text\n';
const FENCE_CLOSE = '\n```';
const USER_PREFIX = 'you> ';
/** Unchanged lines shown around each change in a difference. */
const DIFF_CONTEXT = 2;
/** Generous: the simulator answers a short script in about 2 s. */
const SIMULATOR_TIMEOUT_MS = 60_000;

export class TranscriptError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TranscriptError';
  }
}

/** Where the transcript block sits in the README text: `text.slice(start, end)` is its content. */
export interface TranscriptBlock {
  readonly start: number;
  readonly end: number;
  readonly content: string;
}

export function findTranscript(readme: string): TranscriptBlock {
  const marker = readme.indexOf(TRANSCRIPT_MARKER);
  if (marker < 0) throw new TranscriptError(`the README has no line ${TRANSCRIPT_MARKER}`);
  const fence = readme.indexOf(FENCE_OPEN, marker + TRANSCRIPT_MARKER.length);
  if (fence < 0 || readme.slice(marker + TRANSCRIPT_MARKER.length, fence).trim() !== '') {
    throw new TranscriptError('the transcript marker is not followed by a ```text block');
  }
  const start = fence + FENCE_OPEN.length;
  const end = readme.indexOf(FENCE_CLOSE, start - 1);
  if (end < 0) throw new TranscriptError('the transcript block is not closed');
  return { start, end, content: readme.slice(start, end) };
}

/** What the user says in a transcript: its `you>` lines, without the prompt. */
export function userLines(transcript: string): string[] {
  return transcript
    .split('\n')
    .filter((line) => line.startsWith(USER_PREFIX))
    .map((line) => line.slice(USER_PREFIX.length));
}

/** Pipes `lines` into the simulator with a throwaway in-memory store; returns what it printed. */
export function simulate(lines: readonly string[]): string {
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), CLI, '--memory'], {
    cwd: REPO_ROOT,
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    timeout: SIMULATOR_TIMEOUT_MS,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (result.status !== 0 || result.stderr !== '') {
    const why = result.error?.message ?? `status ${result.status ?? result.signal}`;
    throw new TranscriptError(`the simulator failed (${why}):\n${result.stderr}`);
  }
  return result.stdout.trimEnd();
}

/**
 * A line difference from `before` to `after`: removed lines start with "- ", added ones with "+ ",
 * unchanged ones around a change with "  ". Empty when they are equal.
 */
export function lineDiff(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // common[i][j]: the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const row = common[i] as number[];
      row[j] = a[i] === b[j] ? (common[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(common[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const lines: { mark: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ mark: ' ', text: a[i] as string });
      i += 1;
      j += 1;
    } else if (i < a.length && (j >= b.length || (common[i + 1]?.[j] ?? 0) >= (common[i]?.[j + 1] ?? 0))) {
      lines.push({ mark: '-', text: a[i] as string });
      i += 1;
    } else {
      lines.push({ mark: '+', text: b[j] as string });
      j += 1;
    }
  }
  const near = (index: number) =>
    lines.slice(Math.max(0, index - DIFF_CONTEXT), index + DIFF_CONTEXT + 1).some((line) => line.mark !== ' ');
  const shown: string[] = [];
  lines.forEach((line, index) => {
    if (near(index)) shown.push(`${line.mark} ${line.text}`);
    else if (shown.at(-1) !== '  …') shown.push('  …');
  });
  return shown.some((line) => line.startsWith('- ') || line.startsWith('+ ')) ? shown.join('\n') : '';
}

/** Why the README's transcript is not `generated`, with the command that fixes it; undefined when it is. */
export function transcriptDrift(readme: string, generated: string): string | undefined {
  const diff = lineDiff(findTranscript(readme).content, generated);
  if (diff === '') return undefined;
  return (
    `The README's sample session is not what the simulator says now ("-" README, "+" simulator).\n` +
    `If the new lines are right, run ${REGENERATE_COMMAND} and commit README.md.\n\n${diff}`
  );
}

/** The README with its transcript block replaced by `generated`. */
export function withTranscript(readme: string, generated: string): string {
  const { start, end } = findTranscript(readme);
  return `${readme.slice(0, start)}${generated}${readme.slice(end)}`;
}

export interface CommandResult {
  readonly status: number;
  readonly message: string;
}

/** The command line: `[--check] [--readme FILE]`. Writes the README unless --check. */
export function transcriptCommand(argv: readonly string[]): CommandResult {
  const { values } = parseArgs({
    args: [...argv],
    options: { check: { type: 'boolean', default: false }, readme: { type: 'string', default: README_PATH } },
    strict: true,
  });
  const path = values.readme ?? README_PATH;
  const name = relative(process.cwd(), path) || path;
  const readme = readFileSync(path, 'utf8');
  const generated = simulate(userLines(findTranscript(readme).content));
  const drift = transcriptDrift(readme, generated);
  if (drift === undefined) return { status: 0, message: `${name}: the sample session is up to date` };
  if (values.check) return { status: 1, message: drift };
  writeFileSync(path, withTranscript(readme, generated));
  return { status: 0, message: `${name}: sample session rewritten (${generated.split('\n').length} lines)` };
}

if (require.main === module) {
  try {
    const { status, message } = transcriptCommand(process.argv.slice(2));
    (status === 0 ? console.log : console.error)(message);
    process.exitCode = status;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}
