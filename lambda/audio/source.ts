/**
 * Where the skill's rendered audio comes from: the render manifest and the HTTPS origin that serves
 * its files. Hands-free mode exists only where both do (a deployed stack with rendered audio, or the
 * simulator pointed at a render); without them routines are spoken, on every device.
 */
import type { AudioManifest } from './manifest';

export interface AudioSource {
  /** The HTTPS origin of the files (AUDIO_BASE_URL); a manifest path is appended after a `/`. */
  readonly baseUrl: string;
  /** The manifest, read once when first needed (a cold start that plays nothing never parses it). */
  manifest(): AudioManifest;
}
