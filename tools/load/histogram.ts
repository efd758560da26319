/**
 * Latencies kept as counts in log-spaced buckets (1 % wide), so a ten-minute soak of a million
 * turns holds a few thousand numbers, not a million: percentiles are within 1 %, the max exact.
 */
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
/** Values at or under this (ms) share the first bucket. */
const FLOOR_MS = 0.001;

export class Histogram {
  private readonly buckets = new Map<number, number>();
  count = 0;
  max = 0;
  sum = 0;

  add(ms: number): void {
    const index = ms <= FLOOR_MS ? 0 : Math.ceil(Math.log(ms / FLOOR_MS) / LOG_GROWTH);
    this.buckets.set(index, (this.buckets.get(index) ?? 0) + 1);
    this.count += 1;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  /** The p-th percentile (0–100): the upper edge of the bucket holding that rank; NaN when empty. */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    const sorted = [...this.buckets.entries()].sort(([a], [b]) => a - b);
    // The rank is at most the count, so some bucket reaches it.
    const reached = sorted.find(([, count]) => {
      seen += count;
      return seen >= rank;
    }) as [number, number];
    return Math.min(this.max, FLOOR_MS * GROWTH ** reached[0]);
  }
}
