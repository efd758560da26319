/**
 * What must hold of any answer the skill gives, whatever it was sent: a valid envelope for the
 * request type, SSML that is well-formed XML within the platform limits, and no internal text in
 * what Alexa says. Each check returns the problems it found (empty when the answer is fine).
 */
import { REMINDERS_SCOPE } from '../../lambda/handlers/permission';
import { responseProblems } from '../../tools/simulator/session-driver';
import { checkSsml } from './speech-checks';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Request types whose answer may speak (a touch on the card is a turn too); every other answer
 * carries no speech, reprompt or card.
 */
const SPEAKING_TYPES: ReadonlySet<string> = new Set([
  'LaunchRequest',
  'IntentRequest',
  'Alexa.Presentation.APL.UserEvent',
  // Alexa's answer to the reminders permission the skill asked for: a turn.
  'Connections.Response',
]);

/**
 * What the voice permission request must be (voice permissions for reminders): AskFor with the
 * consent request for the reminders scope, a token, and the session ending, with no reprompt.
 */
function permissionRequestProblems(directive: Record<string, unknown>, response: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const payload = isPlainObject(directive.payload) ? directive.payload : {};
  if (directive.name !== 'AskFor') problems.push(`Connections.SendRequest is named ${String(directive.name)}`);
  if (payload['@type'] !== 'AskForPermissionsConsentRequest' || payload['@version'] !== '1') {
    problems.push('Connections.SendRequest is not an AskForPermissionsConsentRequest of version 1');
  }
  if (payload.permissionScope !== REMINDERS_SCOPE) problems.push(`it asks for ${String(payload.permissionScope)}`);
  if (typeof directive.token !== 'string') problems.push('Connections.SendRequest has no token');
  if (response.shouldEndSession !== true) problems.push('Connections.SendRequest without ending the session');
  if (response.reprompt !== undefined) problems.push('Connections.SendRequest with a reprompt');
  return problems;
}

const CAN_FULFILL = new Set(['YES', 'NO', 'MAYBE']);

/**
 * Problems with an answer for a request of the given type (undefined when the envelope had no
 * readable type): what the platform allows in the answer to that type, and the envelope itself.
 */
export function answerProblems(reply: unknown, requestType: string | undefined): string[] {
  const problems = responseProblems(reply, requestType);
  if (problems.length > 0 || !isPlainObject(reply)) return problems;
  const response = reply.response as Record<string, unknown>;
  if (reply.sessionAttributes !== undefined && !isPlainObject(reply.sessionAttributes)) {
    problems.push(`sessionAttributes is ${JSON.stringify(reply.sessionAttributes)?.slice(0, 80)}`);
  }
  const keys = Object.keys(response);
  const speaks = SPEAKING_TYPES.has(requestType ?? '');
  if (!speaks) {
    for (const key of ['outputSpeech', 'reprompt', 'card']) {
      if (response[key] !== undefined) problems.push(`a ${requestType ?? 'typeless'} answer has ${key}`);
    }
  }
  const directives = Array.isArray(response.directives) ? (response.directives as { type?: unknown }[]) : [];
  const playback = /^(AudioPlayer|PlaybackController)\./.test(requestType ?? '');
  for (const directive of directives) {
    const type = String(directive.type);
    if (type === 'Connections.SendRequest') {
      problems.push(...permissionRequestProblems(directive as Record<string, unknown>, response));
    }
    if (playback && !type.startsWith('AudioPlayer.')) problems.push(`a ${requestType} answer has a ${type} directive`);
    if (!speaks && !playback) problems.push(`a ${requestType ?? 'typeless'} answer has a ${type} directive`);
  }
  if (requestType === 'SessionEndedRequest' && keys.length > 0) {
    problems.push(`a SessionEndedRequest answer has ${keys.join(', ')}`);
  }
  if (requestType === 'CanFulfillIntentRequest') {
    const answer = response.canFulfillIntent as { canFulfill?: unknown; slots?: unknown } | undefined;
    if (keys.some((key) => key !== 'canFulfillIntent')) problems.push(`a CanFulfillIntentRequest answer has ${keys}`);
    if (!CAN_FULFILL.has(String(answer?.canFulfill))) problems.push('canFulfillIntent.canFulfill is missing or wrong');
    for (const slot of Object.values(isPlainObject(answer?.slots) ? answer.slots : {})) {
      const { canUnderstand, canFulfill } = slot as { canUnderstand?: unknown; canFulfill?: unknown };
      if (!CAN_FULFILL.has(String(canUnderstand)) || !['YES', 'NO', undefined].includes(canFulfill as string)) {
        problems.push(`a canFulfillIntent slot reads ${JSON.stringify(slot)}`);
      }
    }
  } else if (response.canFulfillIntent !== undefined) {
    problems.push(`a ${requestType} answer has canFulfillIntent`);
  }
  return problems;
}

/** XML 1.0 allows tab, newline, carriage return and these ranges only; Alexa rejects the rest. */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** The words Alexa would say, with tags removed and entities read. */
export function spokenText(ssml: string): string {
  return ssml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Problems with one SSML document: not XML, a character XML forbids, or past a limit. */
export function ssmlProblems(ssml: string): string[] {
  const problems: string[] = [];
  const bad = NOT_XML_CHARACTER.exec(ssml);
  if (bad) problems.push(`SSML holds U+${bad[0].codePointAt(0)?.toString(16).padStart(4, '0')}, not allowed in XML`);
  try {
    checkSsml(ssml);
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}

const INTERNAL_TEXT: readonly [string, RegExp][] = [
  ['a missing value', /\b(?:undefined|NaN|null|Infinity)\b/],
  ['an object printed', /\[object \w+\]/],
  ['a stack trace', /\bat \S+ \(|\.[jt]s:\d+|\b\w*Error\b/],
  ['a template left open', /\$\{|[{}]/],
  // Routine, step, concern and warning-sign ids, field names: camelCase (one-word ids are plain words).
  ['an identifier', /\b[a-z]+[A-Z][A-Za-z]*\b/],
  ['a log event name', /\b[a-z]+_[a-z_]+\b/],
  ['an intent name', /\bAMAZON\.\w+|\b\w+Intent\b/],
];

/**
 * Internal text in what Alexa says: what only code would write. A match is let through when the
 * user said it in this request (a slot value the skill repeats, "I don't have a routine called…").
 */
export function internalTextProblems(spoken: string, said: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [what, pattern] of INTERNAL_TEXT) {
    const global = new RegExp(pattern.source, `${pattern.flags}g`);
    for (const match of spoken.matchAll(global)) {
      if (said.some((value) => value.includes(match[0]))) continue;
      const at = match.index ?? 0;
      problems.push(`${what} in speech: "…${spoken.slice(Math.max(0, at - 40), at + 40)}…"`);
      break;
    }
  }
  return problems;
}

/** Every slot value string in an envelope's intent: what the user said, which the skill may repeat. */
export function slotValuesOf(envelope: unknown): string[] {
  const request = isPlainObject(envelope) ? envelope.request : undefined;
  const intent = isPlainObject(request) ? request.intent : undefined;
  const slots = isPlainObject(intent) ? intent.slots : undefined;
  if (!isPlainObject(slots)) return [];
  return Object.values(slots).flatMap((slot) =>
    isPlainObject(slot) && typeof slot.value === 'string' ? [slot.value] : [],
  );
}

/** Speech and reprompt SSML of an answer, where present. */
export function speechOf(reply: unknown): string[] {
  const response = isPlainObject(reply) && isPlainObject(reply.response) ? reply.response : {};
  const reprompt = isPlainObject(response.reprompt) ? response.reprompt.outputSpeech : undefined;
  return [response.outputSpeech, reprompt].flatMap((speech) =>
    isPlainObject(speech) && typeof speech.ssml === 'string' ? [speech.ssml] : [],
  );
}
