/** Platform limits that shape every response (see shared docs/alexa-platform.md). */

/** outputSpeech must stay under 8,000 characters (Alexa request and response JSON reference). */
export const MAX_SSML_CHARACTERS = 8000;

/** One <break> may last at most 10 s (SSML reference); longer silences are chains of breaks. */
export const MAX_BREAK_SECONDS = 10;

/** Project design rule: one response's estimated duration stays at or under 240 s (APL for Audio cap). */
export const MAX_RESPONSE_SECONDS = 240;

/** Alexa waits about 8 s for an answer; the skill must reply well inside it. */
export const RESPONSE_DEADLINE_SECONDS = 8;
