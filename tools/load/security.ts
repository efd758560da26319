/**
 * The security checks of the load run: every log line is scanned as it is written (nothing is
 * kept but counts and the first few leaks, so a long soak does not grow), and every stored item
 * is scanned for health words after the run.
 */
import type { LogFields, Logger } from '../../lambda/log';

/** Words about her health: the table holds preferences and progress only, never these. */
export const HEALTH_WORDS = /bleeding|pregnan|headache|swollen|contraction|pain|weeks|blood|dizzy/i;

const USER_ID = /amzn1\.ask\.account\./i;
const DEVICE_ID = /amzn1\.ask\.device\./i;

export interface LogScan {
  lines: number;
  leaks: number;
  /** The first few leaking lines, with what they leaked. */
  readonly samples: string[];
  byEvent: Record<string, number>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A logger that writes nothing and scans each line (its JSON, as consoleLogger would print it)
 * for user ids, device ids, the access tokens the envelopes carry (`token` is the common prefix
 * of every token of the run) and anything the users said: a line of two words or more anywhere
 * in the log line, a one-word line ("next") as a whole JSON string value.
 */
export function scanningLogger(spoken: readonly string[], tokenPrefix: string, scan: LogScan): Logger {
  const phrases = spoken.filter((line) => line.includes(' ')).map((line) => new RegExp(escapeRegExp(line), 'i'));
  const words = spoken.filter((line) => !line.includes(' ')).map((word) => new RegExp(`"${escapeRegExp(word)}"`, 'i'));
  const token = new RegExp(escapeRegExp(tokenPrefix));
  const write = (level: string) => (event: string, fields?: LogFields) => {
    const line = JSON.stringify({ level, event, ...fields });
    scan.lines += 1;
    scan.byEvent[event] = (scan.byEvent[event] ?? 0) + 1;
    const found: string[] = [];
    if (USER_ID.test(line)) found.push('user id');
    if (DEVICE_ID.test(line)) found.push('device id');
    if (token.test(line)) found.push('access token');
    const said = [...phrases, ...words].find((pattern) => pattern.test(line));
    if (said) found.push(`spoken text ${said.source}`);
    if (found.length === 0) return;
    scan.leaks += 1;
    if (scan.samples.length < 5) scan.samples.push(`${found.join(', ')}: ${line.slice(0, 300)}`);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export function newLogScan(): LogScan {
  return { lines: 0, leaks: 0, samples: [], byEvent: {} };
}

/** Items holding a health word, and the first few of them (key and the word's context). */
export function healthWordsIn(items: readonly Record<string, unknown>[]): { count: number; samples: string[] } {
  const samples: string[] = [];
  let count = 0;
  for (const item of items) {
    const text = JSON.stringify(item);
    const match = HEALTH_WORDS.exec(text);
    if (!match) continue;
    count += 1;
    if (samples.length < 5) samples.push(text.slice(Math.max(0, match.index - 60), match.index + 60));
  }
  return { count, samples };
}
