/** The lines about joined sessions, in the British source; content/index.ts turns the words. */
import type { SessionWords } from '../core/session-wording';
import { spokenList } from './lines';

export const sessionLines = (): SessionWords => ({
  opening: (names, minutes) => `A longer session of about ${minutes} minutes: ${spokenList(names)}.`,
  moveTo: (name, areaName) => `Next, ${areaName.toLowerCase()}: ${name}.`,
  another: (name) => `Let's do ${name}.`,
  notInLabour: "While you're timing contractions, I'll stay with them.",
});
