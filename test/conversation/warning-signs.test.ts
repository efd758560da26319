/**
 * Warning signs said naturally, by any subject, reach their tier through the resolver and the real
 * handler: mid-routine (no step follows, the place is kept, the reason is not) and at the menu.
 * Labour words go to the weeks question. The README's Safety section is held to the same test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentFor, lines } from '../../lambda/content';
import { DEFAULT_LOCALE } from '../../lambda/content/locales';
import { type Tier, tierOf } from '../../lambda/core/warning-signs';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import { renderSegments } from '../../lambda/speech/ssml';
import { readSsml } from '../../tools/simulator/ssml-reader';
import { LABOUR_PHRASES, UNKNOWN_CONCERN_PHRASES, WARNING_SIGN_PHRASES } from '../fixtures/warning-sign-phrases';
import { type Exchange, runDialogue } from '../support/dialogue';

const noStep = /Step \d+ of/;

const midRoutine: Exchange[] = [
  { say: 'open partner massage' },
  { say: 'start hips and legs' },
  { say: 'ready', hears: /Step 1 of/ },
  { say: '/wait 30' },
];

/**
 * A line as the device speaks it: rendered to SSML, where the locale's numbers are spoken as words
 * ("911" as "nine one one"), and read back the way a listener hears it.
 */
function heard(line: string): string {
  const segment = { kind: 'speech', role: 'answer', text: line, seconds: 0 } as const;
  return readSsml(renderSegments([segment], 'normal', contentFor(DEFAULT_LOCALE).spokenNumbers)).text;
}

/** What every answer of a tier must say, and what it must not. */
function tierExpectations(tier: Tier): Pick<Exchange, 'hears' | 'notHears'> {
  const others = ([1, 2, 3] as const).filter((other) => other !== tier);
  return {
    hears: [literal(heard(lines.tierAction[tier])), literal(heard(lines.tierClose[tier]))],
    notHears: [noStep, /carry on/i, ...others.map((other) => literal(heard(lines.tierAction[other])))],
  };
}

function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

const cases = WARNING_SIGN_PHRASES.map(({ phrase, sign }) => [phrase, sign, tierOf(sign)] as const);

describe('a warning sign mid-routine', () => {
  it.each(cases)('"%s" is %s: tier %i, no step follows, the place is kept', async (phrase, sign, tier) => {
    const store = new MemoryUserStore();
    const expected = tierExpectations(tier);
    const turns = await runDialogue([...midRoutine, { say: phrase, ...expected, ends: true }], { store });
    const said = turns[turns.length - 1]?.text ?? '';
    expect(said).toContain(heard(lines.signClause[sign]));
    await runDialogue([{ say: 'open partner massage', hears: /You paused hips and legs at step 1/ }], { store });
  });
});

describe('a warning sign at the menu', () => {
  it.each(cases)('"%s" is %s: tier %i', async (phrase, sign, tier) => {
    const turns = await runDialogue([
      { say: 'open partner massage' },
      { say: phrase, ...tierExpectations(tier), ends: true },
    ]);
    expect(turns[1]?.text).toContain(heard(lines.signClause[sign]));
  });
});

describe('labour words', () => {
  it.each(LABOUR_PHRASES.map((phrase) => [phrase]))(
    '"%s" asks whether she is 37 weeks, mid-routine too',
    async (phrase) => {
      await runDialogue([
        ...midRoutine,
        { say: phrase, hears: literal(lines.askTerm), notHears: noStep, listening: true },
      ]);
    },
  );

  it('at term, when to call, then counter-pressure through each contraction', async () => {
    await runDialogue([
      { say: 'open partner massage' },
      { say: "she's in labour", hears: literal(lines.askTerm) },
      { say: 'yes', hears: [literal(lines.atTerm), /Alexa, contraction/], listening: true },
      { say: 'contraction', hears: [literal(lines.contractionStart), literal(lines.contractionNext)], listening: true },
      { say: '/wait 60' },
      { say: 'here comes one', hears: literal(lines.contractionStart), listening: true },
    ]);
  });

  it('before 37 weeks, tightenings are a call-now warning sign', async () => {
    await runDialogue([
      { say: 'open partner massage' },
      { say: 'tightenings', hears: literal(lines.askTerm) },
      { say: 'no', ...tierExpectations(2), ends: true },
    ]);
  });
});

describe('a concern the skill does not know', () => {
  it.each(UNKNOWN_CONCERN_PHRASES.map((phrase) => [phrase]))(
    '"%s" gets a safety line first, mid-routine without losing the place',
    async (phrase) => {
      const turns = await runDialogue([...midRoutine, { say: phrase, notHears: noStep, listening: true }]);
      const said = (turns[turns.length - 1]?.text ?? '').trimStart();
      expect(said.startsWith(heard(lines.unknownConcernSafety))).toBe(true);
      await runDialogue([...midRoutine, { say: phrase }, { say: 'carry on', hears: /^\s*Step 1 of/ }]);
    },
  );
});

/** The rows of the README's Safety table: the tier and the example phrases in quotes. */
function readmeSafetyRows(): { tier: Tier; phrases: string[] }[] {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Safety'), readme.indexOf('\n## ', readme.indexOf('## Safety') + 1));
  return [...section.matchAll(/^\| (\d) [^|]*\| ([^|]+) \|/gm)].map((row) => ({
    tier: Number(row[1]) as Tier,
    phrases: [...(row[2] ?? '').matchAll(/"([^"]+)"/g)].map((quoted) => quoted[1] ?? ''),
  }));
}

describe("the README's Safety section", () => {
  const rows = readmeSafetyRows();

  it('lists examples for each of the three tiers', () => {
    expect(rows.map((row) => row.tier)).toEqual([1, 2, 3]);
    for (const row of rows) expect(row.phrases.length).toBeGreaterThanOrEqual(3);
  });

  it.each(rows.flatMap((row) => row.phrases.map((phrase) => [phrase, row.tier] as const)))(
    '"%s" gets tier %i mid-routine and at the menu',
    async (phrase, tier) => {
      await runDialogue([...midRoutine, { say: phrase, ...tierExpectations(tier), ends: true }]);
      await runDialogue([{ say: 'open partner massage' }, { say: phrase, ...tierExpectations(tier), ends: true }]);
    },
  );
});
