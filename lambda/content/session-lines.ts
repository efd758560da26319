/** The lines about joined sessions, in the British source; content/locale-content.ts turns the words. */
import type { SessionWords } from '../core/session-wording';
import { sentenceCase, spokenList } from './lines';

export const sessionLines = (): SessionWords => ({
  opening: (names, minutes) =>
    `Let's put together about ${minutes} minutes for her: ${spokenList(names)}, one after the other. I'll tell you when to move on, and she can change position between them.`,
  shortestIs: (minutes) =>
    `A joined session needs a little more time than that, so this one runs about ${minutes} minutes. Say stop whenever you need to.`,
  longestIs: (minutes) => `That's longer than I'd keep her in one go, so I'll make it about ${minutes} minutes.`,
  oneAtATimeHandsFree: (name) =>
    `With hands-free mode on, I play one routine at a time. Here's ${name}; when it ends, say 'do another one' for the next.`,
  moveTo: (name, areaName) => `Time to move on. Next is ${name}, starting with her ${areaName.toLowerCase()}.`,
  another: (name) => `One more, then: ${name}.`,
  comesNext: (name) => `Good idea. ${sentenceCase(name)} comes next, once this one is done.`,
  nothingMoreTonight: "Everything that suits tonight's session is in it already, so let's finish this one well.",
  notInLabour: "While she's in labour, I'll stay with her contractions rather than start a massage session.",
});
