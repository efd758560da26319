import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONCERN_WORDS } from '../../lambda/content/concern-words';
import { LOCALES, type LocaleId } from '../../lambda/content/locales';
import {
  concernType,
  generateModel,
  generateModels,
  inputsFor,
  localIntents,
  ModelSourceError,
  modelText,
  SOURCE_FILE,
  sourceProblems,
  staleModelProblem,
} from '../../tools/models/generate';
import {
  type InteractionModel,
  type LanguageModel,
  MODELS_DIR,
  type ModelIntent,
} from '../../tools/simulator/interaction-model';

const sourceText = readFileSync(SOURCE_FILE, 'utf8');
const generated = generateModels(sourceText);
const models = Object.fromEntries(
  LOCALES.map((locale) => [locale, (JSON.parse(generated[locale]) as InteractionModel).interactionModel.languageModel]),
) as Record<LocaleId, LanguageModel>;

const samplesOf = (lm: LanguageModel) => lm.intents.flatMap((intent) => intent.samples ?? []);
const saying = (lm: LanguageModel, word: string) =>
  samplesOf(lm).filter((sample) => new RegExp(`\\b${word}\\b`, 'i').test(sample));
const slotValues = (lm: LanguageModel, typeName: string) =>
  lm.types?.find((type) => type.name === typeName)?.values ?? [];
const routineValue = (lm: LanguageModel, id: string) =>
  slotValues(lm, 'ROUTINE_NAME').find((value) => value.id === id)?.name;

describe('the generated models', () => {
  it('are the same every time the same source is generated', () => {
    expect(generateModels(sourceText)).toEqual(generated);
  });

  it.each(LOCALES)('interaction-models/%s.json is what the source generates (run npm run models)', (locale) => {
    expect(readFileSync(join(MODELS_DIR, `${locale}.json`), 'utf8')).toBe(generated[locale]);
  });

  it('are written as the formatter writes them, so npm run lint leaves them alone', () => {
    const biome = join(__dirname, '..', '..', 'node_modules', '.bin', 'biome');
    for (const locale of ['en-US', 'en-GB'] as const) {
      const formatted = spawnSync(biome, ['format', `--stdin-file-path=interaction-models/${locale}.json`], {
        input: generated[locale],
        encoding: 'utf8',
      });
      expect(formatted.status).toBe(0);
      expect(formatted.stdout).toBe(generated[locale]);
    }
  });

  it('end in a newline and parse back to the model', () => {
    const model = generateModel(JSON.parse(sourceText) as InteractionModel, inputsFor('en-AU'));
    const text = modelText(model);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(model);
  });
});

describe('spelling per locale', () => {
  it('names labour counter pressure practice "labor…" in en-US, with "labour…" as a synonym', () => {
    const name = routineValue(models['en-US'], 'labourCounterPressure');
    expect(name?.value).toBe('labor counter pressure practice');
    expect(name?.synonyms).toContain('labour counter pressure practice');
  });

  it.each(['en-GB', 'en-AU', 'en-CA', 'en-IN'] as const)(
    'names labour counter pressure practice "labour…" in %s, with "labor…" as a synonym',
    (locale) => {
      const name = routineValue(models[locale], 'labourCounterPressure');
      expect(name?.value).toBe('labour counter pressure practice');
      expect(name?.synonyms).toContain('labor counter pressure practice');
    },
  );

  it('has en-US samples say "labor" and "couch" after each British one, which stays', () => {
    const lm = models['en-US'];
    expect(saying(lm, 'labor')).toContain("she's in labor");
    expect(saying(lm, 'couch')).toContain("she's on the couch");
    // The source's own samples stay in every locale: no way of saying a sign is lost to a turn.
    expect(saying(lm, 'labour')).toContain("she's in labour");
    const labour = lm.intents.find((intent) => intent.name === 'LabourIntent')?.samples ?? [];
    expect(labour.indexOf("she's in labor")).toBe(labour.indexOf("she's in labour") + 1);
  });

  it.each(['en-GB', 'en-AU', 'en-IN'] as const)(
    'has %s samples say "labour" and "sofa", and none "labor" or "couch"',
    (locale) => {
      const lm = models[locale];
      expect(saying(lm, 'labour')).toContain("she's in labour");
      expect(saying(lm, 'sofa')).toContain("she's on the sofa");
      expect(saying(lm, 'labor')).toEqual([]);
      expect(saying(lm, 'couch')).toEqual([]);
    },
  );

  it('has en-CA samples say "couch" as well as "sofa", and "labour", never "labor"', () => {
    const lm = models['en-CA'];
    expect(saying(lm, 'labour')).toContain("she's in labour");
    expect(saying(lm, 'couch')).toContain("she's on the couch");
    expect(saying(lm, 'sofa')).toContain("she's on the sofa");
    expect(saying(lm, 'labor')).toEqual([]);
  });

  it('keeps "tightenings" in en-US, and one "contractions" where the turn makes two the same', () => {
    const labour = models['en-US'].intents.find((intent) => intent.name === 'LabourIntent')?.samples ?? [];
    expect(labour.filter((sample) => sample === 'contractions')).toHaveLength(1);
    expect(saying(models['en-US'], 'tightenings')).toContain('tightenings');
    expect(saying(models['en-GB'], 'tightenings')).toContain('tightenings');
  });
});

describe('concern values', () => {
  it.each(LOCALES)('hold every concern word in every spelling in %s', (locale) => {
    const values = slotValues(models[locale], 'CONCERN');
    expect(values.map((value) => value.id)).toEqual(Object.keys(CONCERN_WORDS));
    for (const value of values) {
      const words = CONCERN_WORDS[value.id as keyof typeof CONCERN_WORDS];
      expect(value.name.value).toBe(words.value);
      expect(value.name.synonyms).toEqual(expect.arrayContaining([...words.synonyms]));
    }
  });

  it.each(LOCALES)('%s hears every locale\'s spelling of a phrase: "knocked her belly" as a fall', (locale) => {
    const fall = slotValues(models[locale], 'CONCERN').find((value) => value.id === 'fallOrKnock')?.name.synonyms;
    expect(fall).toContain('knocked her bump');
    expect(fall).toContain('knocked her belly');
  });

  it('is the same table in every locale', () => {
    const us = JSON.stringify(slotValues(models['en-US'], 'CONCERN'));
    for (const locale of LOCALES) expect(JSON.stringify(slotValues(models[locale], 'CONCERN'))).toBe(us);
  });

  it('holds what it is given, value and synonyms as they are', () => {
    const type = concernType({ a: { value: 'sore bump', synonyms: ['sore belly', 'Sore Belly'] } });
    expect(type.values).toEqual([{ id: 'a', name: { value: 'sore bump', synonyms: ['sore belly'] } }]);
  });
});

describe('turning samples', () => {
  const intents: ModelIntent[] = [
    { name: 'SeatIntent', samples: ['on the couch', 'on the sofa'] },
    { name: 'RestIntent', samples: ['rest on the sofa', 'rest on the couch'] },
    { name: 'OtherIntent', samples: ['the sofa please'] },
    { name: 'LastIntent', samples: ['the couch please'] },
  ];
  const turn = (text: string) => text.replace('sofa', 'couch');

  it('adds each turned sample after its source, unless it is the same as another sample', () => {
    const turned = localIntents(intents, turn);
    expect(turned.map((intent) => intent.samples)).toEqual([
      ['on the couch', 'on the sofa'],
      ['rest on the sofa', 'rest on the couch'],
      ['the sofa please'],
      ['the couch please'],
    ]);
  });

  it('keeps samples the turn leaves alone even when the source repeats them, for the model check to catch', () => {
    const repeated: ModelIntent[] = [
      { name: 'AIntent', samples: ['hello there'] },
      { name: 'BIntent', samples: ['hello there'] },
    ];
    expect(localIntents(repeated, (text) => text).map((intent) => intent.samples)).toEqual([
      ['hello there'],
      ['hello there'],
    ]);
  });

  it('adds only the first of two turned samples that become the same', () => {
    const both: ModelIntent[] = [
      { name: 'AIntent', samples: ['tightenings'] },
      { name: 'BIntent', samples: ['tightening'] },
    ];
    const toContractions = (text: string) => text.replace(/tightenings?/, 'contractions');
    expect(localIntents(both, toContractions).map((intent) => intent.samples)).toEqual([
      ['tightenings', 'contractions'],
      ['tightening'],
    ]);
  });
});

describe('the source', () => {
  const source = JSON.parse(sourceText) as InteractionModel;

  it('is British and leaves the routine and concern values to the content', () => {
    expect(sourceProblems(source)).toEqual([]);
    // Only the reminder slot types are written in the source; routine and concern values come from content.
    expect(source.interactionModel.languageModel.types?.map((type) => type.name)).toEqual([
      'PART_OF_DAY',
      'REMINDER_OFTEN',
    ]);
  });

  it('is refused with an American spelling in a sample, which would reach en-GB unturned', () => {
    const american = structuredClone(source);
    american.interactionModel.languageModel.intents[0]?.samples?.push('start the labor one');
    expect(sourceProblems(american)).toEqual([
      expect.stringContaining('"start the labor one" says "labor"; the source is British'),
    ]);
    expect(() => generateModel(american, inputsFor('en-GB'))).toThrow(ModelSourceError);
  });

  it('is refused when it declares a slot type the content builds', () => {
    const declared = structuredClone(source);
    declared.interactionModel.languageModel.types = [{ name: 'CONCERN', values: [] }];
    expect(sourceProblems(declared)).toEqual([
      'the source declares slot type CONCERN, which is built from lambda/content',
    ]);
  });

  it('turns the values of a slot type of its own, without repeats', () => {
    const withType = structuredClone(source);
    withType.interactionModel.languageModel.types = [
      { name: 'SEAT', values: [{ id: 'sofa', name: { value: 'sofa', synonyms: ['couch', 'settee'] } }] },
    ];
    const lm = generateModel(withType, inputsFor('en-US')).interactionModel.languageModel;
    expect(lm.types?.map((type) => type.name)).toEqual(['SEAT', 'ROUTINE_NAME', 'CONCERN']);
    expect(lm.types?.[0]?.values).toEqual([{ id: 'sofa', name: { value: 'couch', synonyms: ['settee'] } }]);
  });
});

describe('a committed model that is not what the source generates', () => {
  it('is reported with the file and the command that regenerates it', () => {
    expect(staleModelProblem('interaction-models/en-GB.json', '{}\n', generated['en-GB'])).toBe(
      'interaction-models/en-GB.json is not what the source generates: run npm run models',
    );
    expect(staleModelProblem('interaction-models/en-GB.json', generated['en-GB'], generated['en-GB'])).toBeUndefined();
  });
});
