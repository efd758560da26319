/** Representative calls of every joined-session line that is a function, for the locale content checks. */
import type { SessionWords } from '../../lambda/core/session-wording';

type LineKey = {
  [K in keyof SessionWords]: SessionWords[K] extends (...args: never[]) => string ? K : never;
}[keyof SessionWords];

/** Names and areas come from the locale's routines and screen words. */
export interface SessionValues {
  readonly names: readonly string[];
  readonly areas: readonly string[];
}

/** A line added to SessionWords does not compile here until it is called. */
export const SESSION_LINE_CALLS: {
  readonly [K in LineKey]: (line: SessionWords[K], values: SessionValues) => readonly string[];
} = {
  opening: (line, { names }) => [line(names.slice(0, 2), 18), line(names.slice(0, 3), 25)],
  shortestIs: (line) => [line(15)],
  longestIs: (line) => [line(34)],
  oneAtATimeHandsFree: (line, { names }) => names.map((name) => line(name)),
  moveTo: (line, { names, areas }) => names.map((name, i) => line(name, areas[i % areas.length] ?? 'Feet')),
  another: (line, { names }) => names.map((name) => line(name)),
  comesNext: (line, { names }) => names.map((name) => line(name)),
};
