/**
 * Where the skill's rendered audio comes from: the render manifest and the HTTPS origin that serves
 * its files. Hands-free mode exists only where both do (a deployed stack with rendered audio, or the
 * simulator pointed at a render); without them routines are spoken, on every device.
 *
 * On Lambda the manifest is bundled beside index.js (`AUDIO_MANIFEST_BUNDLE_FILE`, copied there by
 * the stack only when it hosts rendered audio, and then with AUDIO_BASE_URL set); it is read and
 * checked on the first `manifest()` call, not at a cold start that plays nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { AUDIO_BASE_URL } from './env';
import { type AudioManifest, AudioManifestError, AudioUrlError, readManifest } from './manifest';
import { AUDIO_PLAYER_STREAM } from './stream-format';

export interface AudioSource {
  /** The HTTPS origin of the files (AUDIO_BASE_URL); a manifest path is appended after a `/`. */
  readonly baseUrl: string;
  /** The manifest, read once when first needed (a cold start that plays nothing never parses it). */
  manifest(): AudioManifest;
}

/** The render manifest's name in the Lambda bundle, beside index.js. */
export const AUDIO_MANIFEST_BUNDLE_FILE = 'manifest.json';

/**
 * Checks an audio origin: an absolute HTTPS URL with no query or fragment. Returns it without a
 * trailing slash.
 *
 * @throws AudioUrlError naming what is wrong (never the whole value, which may be long)
 */
export function checkAudioBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new AudioUrlError(`${AUDIO_BASE_URL} is not a URL`, { cause: error });
  }
  if (url.protocol !== AUDIO_PLAYER_STREAM.protocol) {
    throw new AudioUrlError(`${AUDIO_BASE_URL} must be an https:// URL (AudioPlayer streams over HTTPS only)`);
  }
  if (url.search !== '' || url.hash !== '') throw new AudioUrlError(`${AUDIO_BASE_URL} has a query or fragment`);
  return value.replace(/\/+$/, '');
}

/**
 * A source whose manifest is the file at `manifestPath`, read, parsed and checked with
 * `readManifest` on the first `manifest()` call only. The outcome is kept: later calls return the
 * same manifest, or throw the same error, without reading the file again.
 */
export function lazyAudioSource(baseUrl: string, manifestPath: string): AudioSource {
  let outcome: { readonly manifest: AudioManifest } | { readonly error: unknown } | undefined;
  const load = (): AudioManifest => {
    let text: string;
    try {
      text = readFileSync(manifestPath, 'utf8');
    } catch (error) {
      throw new AudioManifestError(`render manifest ${manifestPath} cannot be read`, { cause: error });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new AudioManifestError(`render manifest ${manifestPath} is not JSON`, { cause: error });
    }
    return readManifest(parsed);
  };
  return {
    baseUrl,
    manifest() {
      if (outcome === undefined) {
        try {
          outcome = { manifest: load() };
        } catch (error) {
          outcome = { error };
        }
      }
      if ('error' in outcome) throw outcome.error;
      return outcome.manifest;
    },
  };
}

/**
 * The audio source the environment describes: AUDIO_BASE_URL and the manifest file at
 * `manifestPath`. Undefined, with no error, when AUDIO_BASE_URL is unset or empty or no manifest is
 * there: the skill then speaks every routine.
 *
 * @throws AudioUrlError when AUDIO_BASE_URL is set but is not an HTTPS URL: a misconfigured
 *   deployment fails at once, not when someone first asks for hands-free mode
 */
export function audioSourceFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  manifestPath: string,
): AudioSource | undefined {
  const value = env[AUDIO_BASE_URL];
  if (value === undefined || value === '') return undefined;
  const baseUrl = checkAudioBaseUrl(value);
  return existsSync(manifestPath) ? lazyAudioSource(baseUrl, manifestPath) : undefined;
}
