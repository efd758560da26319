import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findTranscript,
  lineDiff,
  README_PATH,
  REGENERATE_COMMAND,
  simulate,
  TRANSCRIPT_MARKER,
  TranscriptError,
  transcriptCommand,
  transcriptDrift,
  userLines,
  withTranscript,
} from '../../tools/simulator/readme-transcript';

const readme = readFileSync(README_PATH, 'utf8');
const block = findTranscript(readme).content;
/** What the simulator prints now for the README's own lines. */
let generated = '';

beforeAll(() => {
  generated = simulate(userLines(block));
});

/** `generated` with one spoken line changed, as it reads after someone rewords it. */
function reworded(): { text: string; line: string; edited: string } {
  const line = generated.split('\n').find((candidate) => candidate.startsWith('alexa> '));
  if (line === undefined) throw new Error('the transcript has no alexa> line');
  const edited = `${line} I've lightened the pressure to gentle.`;
  return { text: generated.replace(line, edited), line, edited };
}

describe("the README's sample session", () => {
  it('is what the simulator prints for its "you>" lines', () => {
    const drift = transcriptDrift(readme, generated);
    // The message carries the difference and the command that rewrites the block.
    if (drift !== undefined) throw new Error(drift);
    expect(block).toBe(generated);
  });

  it('opens the skill, starts a routine, says ready, changes the pressure, asks how much longer and pauses', () => {
    const requests = [...block.matchAll(/^\(([A-Za-z.]+)[ ·]/gm)].map((match) => match[1]);
    expect(requests).toEqual([
      'LaunchRequest',
      'StartRoutineIntent',
      'ReadyIntent',
      'MorePressureIntent',
      'StatusIntent',
      'AMAZON.PauseIntent',
    ]);
  });
});

describe('transcriptDrift', () => {
  it('is undefined when the block is what the simulator says', () => {
    expect(transcriptDrift(withTranscript(readme, generated), generated)).toBeUndefined();
  });

  it('shows the README line, the simulator line and the command that rewrites the block', () => {
    const { text, line, edited } = reworded();
    const drift = transcriptDrift(withTranscript(readme, text), generated);
    expect(drift).toContain(`- ${edited}\n+ ${line}`);
    expect(drift).toContain(`run ${REGENERATE_COMMAND}`);
  });
});

describe('lineDiff', () => {
  it('is empty for equal texts', () => {
    expect(lineDiff('a\nb', 'a\nb')).toBe('');
  });

  it('keeps two unchanged lines around each change and elides the rest', () => {
    const numbers = Array.from({ length: 12 }, (_, index) => String(index + 1));
    const before = numbers.join('\n');
    const after = [...numbers.slice(0, 4), 'five', ...numbers.slice(5), '13'].join('\n');
    expect(lineDiff(before, after).split('\n')).toEqual([
      '  …',
      '  3',
      '  4',
      '- 5',
      '+ five',
      '  6',
      '  7',
      '  …',
      '  11',
      '  12',
      '+ 13',
    ]);
  });
});

describe('findTranscript', () => {
  it('finds the text block under the marker', () => {
    const text = `# Title\n\n${TRANSCRIPT_MARKER}\n\`\`\`text\nyou> hello\nalexa> hi\n\`\`\`\n\nMore.\n`;
    const found = findTranscript(text);
    expect(found.content).toBe('you> hello\nalexa> hi');
    expect(userLines(found.content)).toEqual(['hello']);
    expect(withTranscript(text, 'you> bye')).toBe(
      `# Title\n\n${TRANSCRIPT_MARKER}\n\`\`\`text\nyou> bye\n\`\`\`\n\nMore.\n`,
    );
  });

  it.each([
    ['no marker', '```text\nyou> hello\n```\n', /has no line/],
    ['no block under the marker', `${TRANSCRIPT_MARKER}\nSome prose.\n\`\`\`text\nyou> hi\n\`\`\`\n`, /not followed/],
    ['an unclosed block', `${TRANSCRIPT_MARKER}\n\`\`\`text\nyou> hello\n`, /not closed/],
  ])('refuses a README with %s', (_case, text, message) => {
    expect(() => findTranscript(text)).toThrow(TranscriptError);
    expect(() => findTranscript(text)).toThrow(message);
  });
});

describe(`${REGENERATE_COMMAND}`, () => {
  it('is the package script that runs this tool', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(REGENERATE_COMMAND).toBe('npm run readme:transcript');
    expect(pkg.scripts['readme:transcript']).toBe('tsx tools/simulator/readme-transcript.ts');
  });

  it('with --check, reports a stale block and leaves the file alone; without, rewrites the block only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pmc-readme-'));
    try {
      const file = join(dir, 'README.md');
      const stale = withTranscript(readme, reworded().text);
      writeFileSync(file, stale);

      const checked = transcriptCommand(['--check', '--readme', file]);
      expect(checked.status).toBe(1);
      expect(checked.message).toContain(REGENERATE_COMMAND);
      expect(readFileSync(file, 'utf8')).toBe(stale);

      const written = transcriptCommand(['--readme', file]);
      expect(written.status).toBe(0);
      expect(written.message).toMatch(/sample session rewritten/);
      expect(readFileSync(file, 'utf8')).toBe(withTranscript(readme, generated));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
