import { AUDIO_FORMAT } from '../../lambda/audio/stream-format';
import { audioRender } from '../../tools/bench/audio-render';
import { toneEngine } from './tone-engine';

describe('the bench figure for the audio render', () => {
  it('counts files and bytes and measures every step length on the files', async () => {
    const messages: string[] = [];
    const figures = await audioRender((message) => messages.push(message), {
      engine: toneEngine(),
      routines: ['hand'],
      steps: [0, 5],
      variants: [{ pressure: 'gentle', speechRate: 'slower', pace: 'slower' }],
    });
    expect(figures).toMatchObject({ steps: 2, files: 2, offFormat: 0 });
    // 48 kbps is 6,000 bytes a second; the hand routine's first and last steps last well over a minute.
    // The last step is measured up to its closing, said after the step's time.
    expect(figures.bytes).toBeGreaterThan((60 * (AUDIO_FORMAT.bitrateKbps * 1000)) / 8);
    expect(figures.worstErrorPct).toBeLessThan(0.1);
    expect(figures.medianErrorPct).toBeLessThanOrEqual(figures.worstErrorPct);
    expect(figures.worstWhere).toMatch(/^hand\/[16]\/gentle\.slower\.slower: [\d.]+ s vs [\d.]+ s$/);
    expect(figures.charactersSynthesized).toBeGreaterThan(0);
    expect(figures.manifestGzipBytes).toBeLessThan(figures.manifestBytes);
    expect(messages[0]).toMatch(/^render: 2 step variants/);
  });
});
