/**
 * The audio renderer: a plan's audio instruction as AudioPlayer directives over the rendered files.
 * The item's variant picks the file, the point becomes an offset in it (a little before, when it
 * goes on from where it stopped), and the token names the item so later requests say exactly where
 * the player is. Now Playing shows the routine, the step and, when the render has one, the picture
 * of the step's area.
 */
import type { Directive } from 'ask-sdk-model';
import type { AudioInstruction } from '../core/coach';
import { AudioError, artFile, audioUrl, stepFile } from './manifest';
import { resumeOffset } from './points';
import type { AudioSource } from './source';
import { buildAudioToken } from './token';

/**
 * The directives for an instruction. `playingToken` is the token of the item the player holds, as
 * the request reported it: an enqueued item names it as the one it follows, as AudioPlayer requires.
 * Throws AudioError when the render has no file for the item, or an enqueue has nothing to follow.
 */
export function audioDirectives(
  instruction: AudioInstruction | undefined,
  source: AudioSource | undefined,
  playingToken: string | undefined,
): Directive[] {
  switch (instruction?.kind) {
    case undefined:
    case 'keepPlaying':
      return [];
    case 'stop':
      return [{ type: 'AudioPlayer.Stop' }];
    case 'clear':
      return [{ type: 'AudioPlayer.ClearQueue', clearBehavior: 'CLEAR_ALL' }];
    case 'play': {
      if (source === undefined) throw new AudioError('no rendered audio to play');
      const manifest = source.manifest();
      const file = stepFile(manifest, instruction.item);
      if (file === undefined) throw new AudioError('the render has no file for this step variant');
      if (instruction.enqueue && playingToken === undefined) throw new AudioError('an enqueue needs the playing token');
      const token = buildAudioToken(instruction.item, manifest.renderVersion);
      const offsetInMilliseconds = instruction.enqueue ? 0 : resumeOffset(file, instruction.from);
      const { title, subtitle, area, areaName } = instruction.nowPlaying;
      const art = artFile(manifest, area);
      return [
        {
          type: 'AudioPlayer.Play',
          playBehavior: instruction.enqueue ? 'ENQUEUE' : 'REPLACE_ALL',
          audioItem: {
            stream: {
              url: audioUrl(source.baseUrl, file.path),
              token,
              offsetInMilliseconds,
              ...(instruction.enqueue && playingToken !== undefined ? { expectedPreviousToken: playingToken } : {}),
            },
            metadata: {
              title,
              subtitle,
              // The step's picture: its view with its area marked, when the render drew one.
              ...(art === undefined
                ? {}
                : { art: { contentDescription: areaName, sources: [{ url: audioUrl(source.baseUrl, art) }] } }),
            },
          },
        },
      ];
    }
  }
}
