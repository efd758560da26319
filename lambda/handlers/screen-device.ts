/**
 * Whether the device that sent a request has a screen the skill can draw on: it declares
 * `Alexa.Presentation.APL` in its supported interfaces (an Echo Show, a Fire TV, a tablet in Show
 * mode). Read without trusting the envelope, like the audio player's (audio/player-context.ts).
 */
import type { RequestEnvelope } from 'ask-sdk-model';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The APL interface in the request's supported interfaces, as an object (Alexa sends its runtime). */
export function deviceSupportsApl(envelope: RequestEnvelope): boolean {
  const device = record(record(record(envelope.context).System).device);
  const apl = record(device.supportedInterfaces)['Alexa.Presentation.APL'];
  return typeof apl === 'object' && apl !== null;
}
