/**
 * The audio renderer's Play directive and its Now Playing metadata: the routine, the step, and the
 * picture of the step's area when the render drew one.
 */
import type { interfaces } from 'ask-sdk-model';
import { audioDirectives } from '../../lambda/audio/directives';
import { type AudioManifest, manifestFormat, readManifest } from '../../lambda/audio/manifest';
import type { AudioSource } from '../../lambda/audio/source';
import type { AudioInstruction } from '../../lambda/core/coach';

const BASE_URL = 'https://d111111abcdef8.cloudfront.net';
const HASH = '0123456789abcdef';
const ART_HASH = 'fedcba9876543210';

function manifest(art?: Record<string, string>): AudioManifest {
  return readManifest({
    schema: 1,
    renderVersion: 'abc123def456',
    engine: { name: 'local', voiceId: 'test voice' },
    format: manifestFormat(),
    files: {
      [HASH]: {
        path: `foot/1-${HASH}.mp3`,
        ms: 60000,
        segments: [
          [0, 'intro'],
          [20000, 'cue'],
        ],
      },
    },
    steps: { 'foot/1/gentle.normal.normal': HASH },
    ...(art === undefined ? {} : { art }),
  });
}

function source(art?: Record<string, string>): AudioSource {
  const read = manifest(art);
  return { baseUrl: BASE_URL, manifest: () => read };
}

const PLAY: AudioInstruction = {
  kind: 'play',
  item: {
    routineId: 'foot',
    stepIndex: 0,
    variant: { pressure: 'gentle', speechRate: 'normal', pace: 'normal' },
    flow: 'continuous',
    attempt: 1,
    issuedAt: 1_700_000_000_000,
  },
  from: { segment: 0, fraction: 0 },
  enqueue: false,
  nowPlaying: { title: 'Foot massage', subtitle: 'Step 1 of 6: Warm the foot', area: 'sole', areaName: 'sole' },
};

function metadataOf(directives: ReturnType<typeof audioDirectives>): interfaces.audioplayer.AudioItemMetadata {
  const [play] = directives as interfaces.audioplayer.PlayDirective[];
  if (play?.type !== 'AudioPlayer.Play' || play.audioItem?.metadata === undefined) throw new Error('no Play metadata');
  return play.audioItem.metadata;
}

describe('Now Playing metadata', () => {
  it("shows the picture of the step's area, described by the area's name, at its URL under the render's origin", () => {
    const metadata = metadataOf(audioDirectives(PLAY, source({ sole: `art/sole-${ART_HASH}.png` }), undefined));
    expect(metadata).toEqual({
      title: 'Foot massage',
      subtitle: 'Step 1 of 6: Warm the foot',
      art: { contentDescription: 'sole', sources: [{ url: `${BASE_URL}/art/sole-${ART_HASH}.png` }] },
    });
  });

  it('shows the picture on an enqueued item too', () => {
    const enqueued: AudioInstruction = { ...PLAY, enqueue: true };
    const metadata = metadataOf(audioDirectives(enqueued, source({ sole: `art/sole-${ART_HASH}.png` }), 'previous'));
    expect(metadata.art?.sources).toEqual([{ url: `${BASE_URL}/art/sole-${ART_HASH}.png` }]);
  });

  it("has no art when the render has pictures but none of the step's area", () => {
    const metadata = metadataOf(audioDirectives(PLAY, source({ heel: `art/heel-${ART_HASH}.png` }), undefined));
    expect(metadata).toEqual({ title: 'Foot massage', subtitle: 'Step 1 of 6: Warm the foot' });
  });

  it('has no art when the render predates pictures (a manifest without art)', () => {
    const metadata = metadataOf(audioDirectives(PLAY, source(), undefined));
    expect(metadata).toEqual({ title: 'Foot massage', subtitle: 'Step 1 of 6: Warm the foot' });
  });
});
