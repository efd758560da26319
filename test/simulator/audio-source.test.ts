import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_VARIANTS, readManifest, stepFile } from '../../lambda/audio/manifest';
import { parseAudioToken } from '../../lambda/audio/token';
import { lines, ROUTINES } from '../../lambda/content';
import { CLOSING_TAIL_SECONDS, planStep } from '../../tools/render/layout';
import {
  describeToken,
  SIMULATOR_AUDIO_BASE_URL,
  simulatorAudio,
  timelineManifest,
} from '../../tools/simulator/audio-source';

const routineInfo = (id: string) => {
  const routine = ROUTINES.find((each) => each.id === id);
  return routine ? { name: routine.name, steps: routine.steps.length } : undefined;
};

describe('the timeline-only manifest', () => {
  const manifest = timelineManifest();

  it('is a manifest the skill reads, with a file for every step in every variant', () => {
    const steps = ROUTINES.reduce((sum, routine) => sum + routine.steps.length, 0);

    expect(readManifest(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
    expect(Object.keys(manifest.steps)).toHaveLength(steps * ALL_VARIANTS.length);
    expect(manifest.renderVersion).toMatch(/^timeline-[0-9a-f]{12}$/);
  });

  it('lasts each step its target length and starts every segment the render would, in order', () => {
    const foot = ROUTINES.find((routine) => routine.id === 'foot');
    if (foot === undefined) throw new Error('no foot routine');
    const variant = { pressure: 'gentle', speechRate: 'normal', pace: 'normal' } as const;
    const plan = planStep(foot, 1, variant, lines);

    const file = stepFile(manifest, { routineId: 'foot', stepIndex: 1, variant });

    expect(file?.ms).toBeCloseTo(plan.targetSeconds * 1000, -2);
    expect(file?.segments.map(([, kind]) => kind)).toEqual(
      plan.items.flatMap((item) => (item.kind === 'speech' ? [item.segment] : [])),
    );
    const last = file?.segments.at(-1)?.[0] ?? 0;
    expect(last).toBeLessThan((file?.ms ?? 0) - CLOSING_TAIL_SECONDS * 1000);
  });
});

describe('simulatorAudio', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pmc-sim-audio-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('without a render, plays the timeline-only manifest under the simulator base URL, with no files', () => {
    const audio = simulatorAudio({ renderDir: join(dir, 'audio') });
    const manifest = audio.source.manifest();
    const file = manifest.files[manifest.steps['foot/1/gentle.normal.normal'] ?? ''];
    const url = `${SIMULATOR_AUDIO_BASE_URL}/${file?.path}`;

    expect(audio.kind).toBe('timeline');
    expect(audio.description).toMatch(/^no .*manifest\.json: playing a timeline-only manifest/);
    expect(audio.source.baseUrl).toBe(SIMULATOR_AUDIO_BASE_URL);
    expect(audio.lengthOf(url)).toBe(file?.ms);
    expect(audio.lengthOf(`${SIMULATOR_AUDIO_BASE_URL}/foot/1-0000000000000000.mp3`)).toBeUndefined();
    expect(audio.localFile(url)).toBeUndefined();
  });

  it('plays a render when there is one, and finds its local files', () => {
    const timeline = timelineManifest();
    const hash = timeline.steps['hand/2/firm.slower.quicker'] ?? '';
    const file = timeline.files[hash];
    if (file === undefined) throw new Error('no file');
    const render = {
      ...timeline,
      renderVersion: 'r1',
      files: { [hash]: file },
      steps: { 'hand/2/firm.slower.quicker': hash },
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(render));
    const base = 'https://cdn.example/';
    const audio = simulatorAudio({ renderDir: dir, baseUrl: base });
    const url = `https://cdn.example/${file.path}`;

    const before = audio.localFile(url);
    mkdirSync(join(dir, 'hand'));
    writeFileSync(join(dir, file.path), 'mp3');

    expect(audio.kind).toBe('render');
    expect(audio.description).toMatch(
      /playing the render in .*manifest\.json \(1 step variants, timeline voice, render r1\)/,
    );
    expect(audio.source.manifest()).toEqual(readManifest(render));
    expect(audio.lengthOf(url)).toBe(file.ms);
    expect(before).toBeUndefined();
    expect(audio.localFile(url)).toBe(join(dir, file.path));
    expect(audio.localFile('https://cdn.example/hand/9-0000000000000000.mp3')).toBeUndefined();
  });

  it('falls back to the timeline, saying why, when the render manifest is unreadable', () => {
    writeFileSync(join(dir, 'manifest.json'), '{"schema": 99}');

    const audio = simulatorAudio({ renderDir: dir });

    expect(audio.kind).toBe('timeline');
    expect(audio.description).toMatch(/manifest\.json is unreadable \(render manifest: schema 99 is not 1\)/);
  });
});

describe('describeToken', () => {
  it("names a skill token's routine, step and variant, and leaves any other token as it is", () => {
    const token = 'pmc1|foot/2/gentle.normal.normal|abc123|c.1.lz0';

    expect(parseAudioToken(token)).toBeDefined();
    expect(describeToken(token, routineInfo)).toBe(
      'foot massage step 2 of 7 (gentle pressure, normal voice, normal pace)',
    );
    expect(describeToken(token)).toBe('foot step 2 (gentle pressure, normal voice, normal pace)');
    expect(describeToken('A')).toBe('A');
  });
});
