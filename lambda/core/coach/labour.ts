/**
 * Labour and contractions. Whether she is 37 weeks or more is asked in the session and never
 * stored. Before 37 weeks, regular tightenings are a warning sign (tier 2). At term, the skill says
 * when to call and guides counter-pressure through each contraction as it comes: the partner says
 * "Alexa, contraction" when one starts, so the coaching follows her, not a timer.
 */
import type { Segment } from '../pacing';
import type { Draft } from './draft';
import type { Decision } from './plan';

/** Quiet between the cues while a contraction builds and passes (most last about a minute). */
export const CONTRACTION_CUE_GAP_SECONDS = 15;

/**
 * Quiet after a contraction, within the same answer, so "Alexa, contraction" for the next one
 * still reaches the skill. Contractions about five minutes apart leave a few minutes' rest; the
 * answer as a whole stays within the 240 s a response may last.
 */
export const REST_SECONDS = 110;

function quiet(seconds: number): Segment {
  return { kind: 'silence', seconds };
}

/** Asks whether she is 37 weeks or more. */
export function askTerm(draft: Draft): Decision {
  const lines = draft.lines;
  return draft.listen({ mode: 'menu', question: { kind: 'term' } }, [draft.say(lines.askTerm)], lines.askTermReprompt);
}

/** At term: when to call, and the offer to guide each contraction. */
export function atTerm(draft: Draft): Decision {
  const lines = draft.lines;
  return draft.listen(
    { mode: 'labour' },
    [draft.say(lines.atTerm), draft.say(lines.contractionOffer, 'prompt')],
    lines.contractionReprompt,
  );
}

/** One contraction, guided as it builds and fades, then quiet rest until the next one. */
export function contraction(draft: Draft): Decision {
  const lines = draft.lines;
  const segments: Segment[] = [draft.say(lines.contractionStart)];
  for (const cue of lines.contractionCues) segments.push(quiet(CONTRACTION_CUE_GAP_SECONDS), draft.say(cue, 'cue'));
  segments.push(quiet(CONTRACTION_CUE_GAP_SECONDS), draft.say(lines.contractionRelease, 'cue'));
  segments.push(quiet(REST_SECONDS / 2), draft.say(lines.contractionRest, 'cue'), quiet(REST_SECONDS / 2));
  segments.push(draft.say(lines.contractionNext, 'prompt'));
  return draft.listen({ mode: 'labour' }, segments, lines.contractionReprompt);
}

/** Any answer given in labour mode, then back to waiting for the next contraction. */
export function inLabour(draft: Draft, answer: readonly Segment[]): Decision {
  const lines = draft.lines;
  return draft.listen(
    { mode: 'labour' },
    [...answer, draft.say(lines.contractionNext, 'prompt')],
    lines.contractionReprompt,
  );
}
