/**
 * The audio the skill streams with AudioPlayer: what Alexa accepts, and the one format every
 * rendered step is in. The render pipeline writes it; the skill reads it from the manifest.
 */

/**
 * What an AudioPlayer stream must be (Alexa Skills Kit, "AudioPlayer Interface Reference", Play
 * directive and "Audio stream requirements":
 * https://developer.amazon.com/docs/custom-skills/audioplayer-interface-reference.html; summed up in
 * shared docs/alexa-platform.md): an HTTPS URL with a trusted certificate; MP3 (or AAC/MP4, HLS)
 * between 16 and 384 kbps, where a constant bit rate at 44.1 or 48 kHz is the safe choice; and a
 * token of at most 1,024 characters.
 */
export const AUDIO_PLAYER_STREAM = {
  protocol: 'https:',
  minBitrateKbps: 16,
  maxBitrateKbps: 384,
  sampleRates: [44_100, 48_000],
  maxTokenLength: 1024,
} as const;

/**
 * Every rendered step: MPEG-1 Layer III, 44.1 kHz mono at a constant 48 kbps (plenty for one voice,
 * and about 21 MB an hour, silence included). Every frame holds 1,152 samples, so durations and
 * offsets are whole frames of 26.12 ms.
 */
export const AUDIO_FORMAT = {
  codec: 'MPEG-1 Layer III',
  contentType: 'audio/mpeg',
  extension: '.mp3',
  mpegVersion: 1,
  layer: 3,
  sampleRate: 44_100,
  channels: 1,
  bitrateKbps: 48,
  constantBitrate: true,
  samplesPerFrame: 1152,
} as const;

export type AudioFormat = typeof AUDIO_FORMAT;

/** Milliseconds of `frames` whole frames in AUDIO_FORMAT, rounded to the nearest ms. */
export function framesToMs(frames: number): number {
  return Math.round((frames * AUDIO_FORMAT.samplesPerFrame * 1000) / AUDIO_FORMAT.sampleRate);
}

/** The whole number of frames nearest to `seconds`. */
export function secondsToFrames(seconds: number): number {
  return Math.round((seconds * AUDIO_FORMAT.sampleRate) / AUDIO_FORMAT.samplesPerFrame);
}
