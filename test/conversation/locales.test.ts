/**
 * Each locale through the real handler, with real request envelopes carrying the locale: a routine
 * walked to its closing, and every warning sign answered with the locale's own number or care team
 * and no other locale's number. Lines are resolved by the en-US interaction model, so these tests
 * hold whatever state the other locales' models are in (test/simulator/locales.test.ts drives each
 * locale's own model); what the skill says is decided by the request's locale alone.
 * Also: locales the skill has no market for, languages it does not speak, and warning signs heard
 * as a routine's name.
 */
import { contentFor } from '../../lambda/content';
import { LOCALE_SPECS, LOCALES, type LocaleId } from '../../lambda/content/locales';
import { type Tier, tierOf, WARNING_SIGN_IDS, type WarningSignId } from '../../lambda/core/warning-signs';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import { createHandler } from '../../lambda/skill';
import { loadResolver } from '../../tools/simulator/resolver';
import { checkTurn, newDevice, runDialogue } from '../support/dialogue';
import {
  ALL_NUMBERS,
  EXPECTED,
  foreignNumbers,
  numbersIn,
  wholeWord,
  writtenText,
} from '../support/locale-expectations';
import { CapturingLogger, LocaleSession } from '../support/locale-session';

const US_MODEL = loadResolver('en-US');
const WALKED = 'lowerBack';

function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** Every sign, by tier. */
const SIGNS_BY_TIER = ([1, 2, 3] as const).map(
  (tier) => [tier, WARNING_SIGN_IDS.filter((sign) => tierOf(sign) === tier)] as const,
);

/** What an answer of the tier must say in the locale, written out (see locale-expectations.ts). */
function tierWords(locale: LocaleId, tier: Tier): readonly string[] {
  const expected = EXPECTED[locale];
  if (tier === 1) return [`call ${expected.emergency} now`];
  if (tier === 2) return [`call ${expected.urgentCare} now`, `call ${expected.emergency} now`];
  return [`call ${expected.careTeam} today`];
}

describe.each(LOCALES.map((locale) => [locale]))('%s', (locale) => {
  const expected = EXPECTED[locale];
  const content = contentFor(locale);
  const routine = content.catalogue.get(WALKED);
  if (routine === undefined) throw new Error(`${locale} has no ${WALKED} routine`);

  it(`walks ${routine.name} from launch to its closing, in ${locale} words and numbers`, async () => {
    const device = newDevice({ locale, resolver: US_MODEL });
    const opening = await runDialogue(
      [
        { say: 'open partner massage', hears: [/not medical advice/, literal(expected.careTeam)], listening: true },
        {
          say: 'start lower back relief',
          intent: 'StartRoutineIntent',
          hears: literal(content.wording.whenReady),
          listening: true,
        },
      ],
      { device },
    );
    const turns = [...opening];
    const heard = new Set<number>();
    let closing = '';
    for (let i = 0; i < 20 && device.sessionOpen && closing === ''; i += 1) {
      const turn = await device.say('yes');
      checkTurn(turn);
      turns.push(turn);
      for (const match of turn.text.matchAll(/Step (\d+) of/g)) heard.add(Number(match[1]));
      if (turn.text.includes(routine.closing)) closing = turn.text;
    }
    expect(heard.size).toBe(routine.steps.length);
    expect(closing).toContain(routine.closing);
    // The first closing offers a practice reminder; no thanks ends the session.
    const declined = await device.say('no');
    checkTurn(declined);
    turns.push(declined);
    expect(device.sessionOpen).toBe(false);
    for (const turn of turns) expect(turn.request?.request.locale).toBe(locale);

    const written = turns.map((turn) => writtenText(turn.ssml ?? '')).join('\n');
    expect(numbersIn(written, foreignNumbers(expected.numbers))).toEqual([]);
    // The first step's instruction: "glide them slowly up towards her shoulder blades".
    if (locale === 'en-US') {
      expect(written).toMatch(/\bup toward her shoulder blades/);
      expect(written).not.toMatch(wholeWord('towards'));
    } else {
      expect(written).toMatch(/\bup towards her shoulder blades/);
    }
  });

  describe.each(SIGNS_BY_TIER)('tier %i', (tier, signs) => {
    it.each(signs.map((sign) => [sign]))(
      `%s: ${tierWords(locale, tier).join(', ')}, and no other number`,
      async (sign) => {
        const session = new LocaleSession(locale);
        await session.launch();
        const answer = await session.intent('WarningSignIntent', { concern: { value: sign, id: sign } });
        expect(answer.ends).toBe(true);
        for (const words of tierWords(locale, tier)) expect(answer.written).toContain(words);
        expect(answer.written).toContain(content.wording.signClause[sign as WarningSignId]);
        expect(numbersIn(answer.written, foreignNumbers(expected.numbers))).toEqual([]);
        if (tier !== 3) {
          expect(answer.ssml).toContain(`<sub alias="${expected.spokenEmergency}">${expected.emergency}</sub>`);
          expect(answer.spoken).toContain(`call ${expected.spokenEmergency} now`);
        }
        if (tier === 1) expect(answer.written).toContain(LOCALE_SPECS[locale].care.callEmergency);
      },
    );
  });

  it(`"she's bleeding heavily" mid-routine gets ${expected.emergency}`, async () => {
    const turns = await runDialogue(
      [
        { say: 'open partner massage' },
        { say: 'start lower back relief' },
        { say: 'ready', hears: /Step 1 of/ },
        { say: "she's bleeding heavily", intent: 'WarningSignIntent', ends: true },
      ],
      { locale, resolver: US_MODEL },
    );
    const ssml = turns[turns.length - 1]?.ssml ?? '';
    expect(writtenText(ssml)).toContain(`call ${expected.emergency} now`);
    expect(ssml).toContain(`<sub alias="${expected.spokenEmergency}">${expected.emergency}</sub>`);
    expect(numbersIn(writtenText(ssml), foreignNumbers(expected.numbers))).toEqual([]);
  });

  it(`spells labour "${expected.labour}" in the labour answer`, async () => {
    const session = new LocaleSession(locale);
    await session.launch();
    const asked = await session.intent('LabourIntent');
    expect(asked.written).toContain('37 weeks');
    const atTerm = await session.intent('AMAZON.YesIntent');
    expect(atTerm.written).toMatch(wholeWord(`${expected.labour} is expected`));
    expect(atTerm.written).not.toMatch(wholeWord(expected.labour === 'labor' ? 'labour' : 'labor'));
  });

  describe('words heard as a routine name', () => {
    it('"bad headache" is the severe-headache warning sign, tier 2', async () => {
      const session = new LocaleSession(locale);
      await session.launch();
      const answer = await session.intent('StartRoutineIntent', { routine: 'bad headache' });
      expect(answer.written).toContain('A severe headache in pregnancy can be a sign of high blood pressure.');
      expect(answer.written).toContain(`call ${expected.urgentCare} now`);
      expect(answer.ends).toBe(true);
    });

    it('"swollen feet" gets the swollen-feet screening line', async () => {
      const session = new LocaleSession(locale);
      await session.launch();
      const answer = await session.intent('StartRoutineIntent', { routine: 'swollen feet' });
      expect(answer.written).toContain('Some swelling of the feet and ankles is common');
      expect(answer.written).toContain(content.wording.concernScreening.swollenFeet);
      expect(answer.written).not.toContain(content.wording.tierAction[2]);
      expect(numbersIn(answer.written, foreignNumbers(expected.numbers))).toEqual([]);
      expect(answer.listening).toBe(true);
    });

    it('"foot massage", resolved, still starts foot massage', async () => {
      const session = new LocaleSession(locale);
      await session.launch();
      const answer = await session.intent('StartRoutineIntent', {
        routine: { value: 'foot massage', id: 'foot', name: 'foot massage' },
      });
      expect(answer.written).toContain(content.wording.whenReady);
      expect(answer.listening).toBe(true);
      expect(JSON.stringify(answer.attributes)).toContain('"routineId":"foot"');
    });

    it('"chest pain" said as a start mid-routine is tier 1, and the place is kept', async () => {
      const store = new MemoryUserStore();
      const handler = createHandler({ store, logger: new CapturingLogger() });
      const session = new LocaleSession(locale, { handler });
      await session.launch();
      await session.intent('StartRoutineIntent', { routine: { value: 'lower back', id: 'lowerBack' } });
      const step = await session.intent('ReadyIntent');
      expect(step.written).toMatch(/Step 1 of/);
      const answer = await session.intent('StartRoutineIntent', { routine: 'chest pain' });
      expect(answer.written).toContain(`call ${expected.emergency} now`);
      expect(answer.written).toContain('Chest pain in pregnancy');
      expect(answer.written).not.toMatch(/Step \d+ of/);
      expect(answer.ends).toBe(true);
      const back = await new LocaleSession(locale, { handler }).launch();
      expect(back.written).toContain(`You paused ${routine.name} at step 1`);
    });
  });
});

describe('locales the skill has no model of its own for', () => {
  it('en-NZ gets triple zero and 111', async () => {
    const logger = new CapturingLogger();
    const session = new LocaleSession('en-NZ', { logger });
    await session.launch();
    const answer = await session.intent('WarningSignIntent', {
      concern: { value: 'bleeding heavily', id: 'heavyBleeding' },
    });
    expect(answer.written).toContain('call 000 now, or 111 in New Zealand');
    expect(answer.ssml).toContain('<sub alias="triple zero">000</sub>');
    expect(answer.ssml).toContain('<sub alias="one one one">111</sub>');
    expect(numbersIn(answer.written, ALL_NUMBERS)).toEqual(['111', '000']);
    expect(logger.lines).toContainEqual({
      level: 'info',
      event: 'locale_fallback',
      fields: { requested: 'en-NZ', using: 'en-AU', numbers: true },
    });
  });

  it('en-ZA gets "your local emergency number", no number at all, and logs the fallback', async () => {
    const logger = new CapturingLogger();
    const session = new LocaleSession('en-ZA', { logger });
    const launch = await session.launch();
    expect(launch.listening).toBe(true);
    for (const [sign, words] of [
      ['heavyBleeding', 'call your local emergency number now'],
      ['severeHeadache', 'call your local emergency number now'],
      ['itching', 'call her midwife or doctor today'],
    ] as const) {
      const answer = await new LocaleSession('en-ZA', { logger }).intent('WarningSignIntent', {
        concern: { value: sign, id: sign },
      });
      expect(answer.written).toContain(words);
      expect(numbersIn(answer.written, ALL_NUMBERS)).toEqual([]);
      expect(answer.ssml).not.toContain('<sub');
    }
    expect(numbersIn(launch.written, ALL_NUMBERS)).toEqual([]);
    expect(logger.lines).toContainEqual({
      level: 'info',
      event: 'locale_fallback',
      fields: { requested: 'en-ZA', using: 'en-GB', numbers: false },
    });
  });

  it('de-DE: a launch gets the German line and the session ends', async () => {
    const logger = new CapturingLogger();
    const answer = await new LocaleSession('de-DE', { logger }).launch();
    expect(answer.spoken).toContain('Entschuldigung, Partner Massage Coach gibt es nur auf Englisch.');
    expect(answer.ends).toBe(true);
    expect(answer.response.response.reprompt).toBeUndefined();
    expect(logger.lines).toContainEqual({ level: 'info', event: 'locale_not_spoken', fields: { requested: 'de-DE' } });
  });

  it('a session that ends in another language still saves the place, and says nothing', async () => {
    const store = new MemoryUserStore();
    const session = new LocaleSession('en-US', { store });
    await session.launch();
    await session.intent('StartRoutineIntent', { routine: { value: 'foot massage', id: 'foot' } });
    await session.intent('ReadyIntent');
    const ended = await session.end('es-US');
    expect(ended.response.response.outputSpeech).toBeUndefined();
    const back = await new LocaleSession('en-US', { store }).launch();
    expect(back.written).toMatch(/You paused foot massage at step 1/);
  });

  it('es-US in an open session: the Spanish line, the session attributes kept, still listening', async () => {
    const session = new LocaleSession('en-US');
    await session.launch();
    await session.intent('StartRoutineIntent', { routine: { value: 'foot massage', id: 'foot' } });
    const started = await session.intent('ReadyIntent');
    expect(started.written).toMatch(/Step 1 of/);
    const before = structuredClone(session.sessionAttributes);
    expect(JSON.stringify(before)).toContain('"routineId":"foot"');
    const answer = await session.intent('AMAZON.NextIntent', {}, 'es-US');
    expect(answer.spoken).toContain('Lo siento, Partner Massage Coach solo está disponible en inglés.');
    expect(answer.listening).toBe(true);
    expect(answer.attributes).toEqual(before);
    const next = await session.intent('AMAZON.NextIntent');
    expect(next.written).toMatch(/Step 2 of/);
  });
});
