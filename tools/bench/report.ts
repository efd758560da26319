/** One row of the bench table, and the table itself. */

export interface Figure {
  /** Short name, e.g. "cold start (median)". */
  readonly figure: string;
  readonly measured: string;
  readonly goal: string;
  readonly baseline: string;
  readonly ratio: string;
  /** true: meets the goal; false: misses it; null: report only. */
  readonly pass: boolean | null;
  /** Raw numbers behind the row, for --json. */
  readonly values: Readonly<Record<string, number | string | boolean | null>>;
}

function verdict(pass: boolean | null): string {
  if (pass === null) return 'info';
  return pass ? 'PASS' : 'FAIL';
}

export function formatTable(figures: readonly Figure[]): string {
  const header = ['figure', 'measured', 'goal', 'baseline', 'ratio', 'result'];
  const rows = figures.map((f) => [f.figure, f.measured, f.goal, f.baseline, f.ratio, verdict(f.pass)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
