/**
 * The coach: a pure (mode × event) table that decides each turn.
 *
 * Glossary (one word for each thing, across the code):
 * - **session**: the Alexa session, which carries attributes between turns; nothing in the core.
 * - **turn**: one request and its response. The handlers' `runTurn` reads the session, calls
 *   `decide` once, settles the store and renders.
 * - **decision**: what `decide` returns for a turn; a **draft** is the decision while it is made.
 * - **mode**: which column of the table applies: `menu`, `routine` (spoken), `halted` (stopped
 *   for "it hurts", feeling unwell or something not understood, until an explicit word),
 *   `labour` (at term, guiding each contraction) or `audio` (a routine the device's audio player
 *   holds, in hands-free mode).
 * - **player**: the device's audio player, as a request reports it; an **item** is one step the
 *   skill queued on it (routine, step, variant, flow), a **point** a place in a step that holds in
 *   every variant (which spoken segment, how far through). A **report** is the player's event about
 *   an item (started, nearly finished, finished, stopped, failed), decided by `decidePlayback`.
 * - **pause gateway**: "Alexa, pause" while audio plays stops it and opens a listening session, so
 *   commands that need the skill's name can be said without it.
 * - **warning sign**: a symptom that stops everything; its **tier** (1 emergency, 2 call now,
 *   3 call today) decides the action. A **concern** is an everyday complaint with a screening line.
 * - **event**: what the user did, as the core sees it (`CoachEvent`); handlers map intents to events.
 * - **plan**: what to say (a list of **segments**: speech or silence, each with its estimated
 *   seconds) and whether to listen. Renderers turn a plan into SSML, audio or a screen.
 * - **step span**: where one step's segments sit in an answer, to map a request's time onto it.
 * - **heard**: where the routine was when the user spoke: from the request time less the lag, or
 *   exactly, from the player.
 * - **profile**: what is stored for a user (preferences, paused place, practice); an **update** is
 *   one turn's change to it, applied once by its id.
 * - **parse**: reading untrusted data (session attributes, stored items) into a checked type.
 */
export { apologyPlan, decide } from './decide';
export type { DecideInput } from './draft';
export { CONTRACTION_CUE_GAP_SECONDS, REST_SECONDS } from './labour';
export type { AudioInstruction, Decision, Effect, NowPlaying, Plan } from './plan';
export { decidePlayback, type PlaybackDecision, type PlaybackInput, type PlaybackReport } from './playback';
export { BOUNDARY_WINDOW_SECONDS, SPEECH_TO_REQUEST_LAG_SECONDS } from './position';
export {
  type AudioState,
  type CoachState,
  type HaltCause,
  type HaltedState,
  INITIAL_STATE,
  type LabourState,
  type MenuState,
  type Mode,
  parseCoachState,
  type Question,
  type RoutineState,
} from './state';
export { COACH_TABLE, type CoachTable } from './table';
