import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OUTPUT_KEYS, STACK_NAME } from '../../infra/stack-outputs';
import { AMERICAN_ONLY, LOCALES } from '../../lambda/content/locales';
import { examplePhraseProblems, intentNames, languageModelOf } from '../../tools/skill-package/interaction-model';
import {
  buildSkillManifest,
  buildSkillPackage,
  MANIFEST_LIMITS,
  PLACEHOLDER_URLS,
  SkillPackageError,
} from '../../tools/skill-package/manifest';
import { parseOptions, resolveLambdaArn } from '../../tools/skill-package/options';
import { INVOCATION_NAME, MEDICAL_DISCLAIMER } from '../../tools/skill-package/publishing';
import { REPO_ROOT } from './synth-coach-app';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:PartnerMassageCoach-SkillFunction-AbC123';
const MODELS_DIR = path.join(REPO_ROOT, 'interaction-models');
const LEGAL = { privacyPolicyUrl: 'https://example.org/privacy', termsOfUseUrl: 'https://example.org/terms' };

function sourceModels(): Record<string, unknown> {
  return Object.fromEntries(
    fs
      .readdirSync(MODELS_DIR)
      .filter((name) => /^[a-z]{2}-[A-Z]{2}\.json$/.test(name))
      .map((name) => [name.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(MODELS_DIR, name), 'utf8'))]),
  );
}

describe('skill manifest', () => {
  const { manifest } = buildSkillManifest({ lambdaArn: ARN, ...LEGAL });
  const published = manifest.publishingInformation.locales;
  const enUS = published['en-US'];
  const storeText = (locale: string) => {
    const text = published[locale];
    return [text?.summary, text?.description, ...(text?.examplePhrases ?? []), ...(text?.keywords ?? [])].join('\n');
  };
  const says = (text: string, word: string) => new RegExp(`\\b${word}\\b`, 'i').test(text);

  it('publishes store text for every locale the skill has', () => {
    expect(Object.keys(published)).toEqual([...LOCALES]);
  });

  it.each(LOCALES)('publishes the %s store text within the schema limits', (locale) => {
    const text = published[locale];
    expect(text?.name).toBe('Partner Massage Coach');
    expect(text?.name.length).toBeLessThanOrEqual(MANIFEST_LIMITS.nameMaxChars);
    expect(text?.summary.length).toBeLessThanOrEqual(MANIFEST_LIMITS.summaryMaxChars);
    expect(text?.description.length).toBeLessThanOrEqual(MANIFEST_LIMITS.descriptionMaxChars);
    expect(text?.examplePhrases.length).toBeLessThanOrEqual(MANIFEST_LIMITS.examplePhrasesMax);
    expect(text?.keywords.length).toBeGreaterThan(0);
    expect(text?.keywords.length).toBeLessThanOrEqual(MANIFEST_LIMITS.keywordsMax);
  });

  it('gives the US store American spelling and words', () => {
    expect(enUS?.examplePhrases).toEqual([
      'Alexa, open partner massage',
      'Alexa, ask partner massage to start lower back relief',
      'Alexa, ask partner massage to start labor counter pressure practice',
    ]);
    expect(says(storeText('en-US'), 'labor')).toBe(true);
    expect(says(storeText('en-US'), 'labour')).toBe(false);
    expect(enUS?.description).toContain('her water breaking');
    expect(enUS?.description).toContain('call 911');
  });

  it.each(['en-GB', 'en-AU', 'en-CA', 'en-IN'])(
    'gives the %s store "labour" and no American-only spelling',
    (locale) => {
      const text = storeText(locale);
      expect(published[locale]?.examplePhrases).toContain(
        'Alexa, ask partner massage to start labour counter pressure practice',
      );
      expect(says(text, 'labour')).toBe(true);
      for (const word of AMERICAN_ONLY) expect(says(text, word)).toBe(false);
    },
  );

  it.each([
    ['en-GB', 'call 999'],
    ['en-AU', 'call 000, or 111 in New Zealand'],
    ['en-CA', 'call 911'],
    ['en-IN', 'call 112'],
  ])("names the %s market's emergency number", (locale, call) => {
    expect(published[locale]?.description).toContain(`in an emergency, ${call}.`);
  });

  it.each(LOCALES)('says plainly in %s that it is not medical advice', (locale) => {
    expect(MEDICAL_DISCLAIMER).toMatch(/^This skill is not medical advice; check with your midwife or doctor/);
    expect(published[locale]?.description).toContain(MEDICAL_DISCLAIMER);
  });

  it('is a health and fitness skill for the US, the UK and Ireland, Australia and New Zealand, Canada and India', () => {
    expect(manifest.publishingInformation.category).toBe('HEALTH_AND_FITNESS');
    expect(manifest.publishingInformation.isAvailableWorldwide).toBe(false);
    expect([...manifest.publishingInformation.distributionCountries].sort()).toEqual(
      ['AU', 'CA', 'GB', 'IE', 'IN', 'NZ', 'US'].sort(),
    );
  });

  it('declares no ads, purchases, personal info or children, and export compliance', () => {
    expect(manifest.privacyAndCompliance).toMatchObject({
      containsAds: false,
      isExportCompliant: true,
      usesPersonalInfo: false,
      allowsPurchases: false,
      isChildDirected: false,
      locales: Object.fromEntries(LOCALES.map((locale) => [locale, LEGAL])),
    });
  });

  it('points the custom API and the SKILL_DISABLED event at the Lambda ARN', () => {
    expect(manifest.apis.custom.endpoint).toEqual({ uri: ARN });
    expect(manifest.events).toEqual({ endpoint: { uri: ARN }, subscriptions: [{ eventName: 'SKILL_DISABLED' }] });
  });

  it('asks for the reminders permission, and no other (no health or personal data)', () => {
    expect(manifest.permissions).toEqual([{ name: 'alexa::alerts:reminders:skill:readwrite' }]);
  });

  it('declares the AudioPlayer interface for hands-free mode and APL for the Echo Show card, and no other', () => {
    const types = manifest.apis.custom.interfaces.map((each) => each.type);
    expect(types).toEqual(['AUDIO_PLAYER', 'ALEXA_PRESENTATION_APL']);
  });

  it('declares APL for the hub screens, each viewport a valid range', () => {
    const apl = manifest.apis.custom.interfaces.find((each) => each.type === 'ALEXA_PRESENTATION_APL');
    if (apl?.type !== 'ALEXA_PRESENTATION_APL') throw new Error('no ALEXA_PRESENTATION_APL interface');
    expect(apl.supportedViewports.length).toBeGreaterThan(0);
    for (const viewport of apl.supportedViewports) {
      expect(viewport.mode).toBe('HUB');
      expect(viewport.minWidth).toBeLessThanOrEqual(viewport.maxWidth);
      expect(viewport.minHeight).toBeLessThanOrEqual(viewport.maxHeight);
    }
    // The Echo Show 8 (1280 × 800) falls in one of them.
    expect(
      apl.supportedViewports.some(
        (v) =>
          v.shape === 'RECTANGLE' &&
          v.minWidth <= 1280 &&
          v.maxWidth >= 1280 &&
          v.minHeight <= 800 &&
          v.maxHeight >= 800,
      ),
    ).toBe(true);
  });

  it('declares the intents AudioPlayer requires in every locale model', () => {
    const models = sourceModels();
    for (const [locale, source] of Object.entries(models)) {
      const names = intentNames(languageModelOf(source, locale));
      for (const required of ['AMAZON.PauseIntent', 'AMAZON.ResumeIntent']) expect(names).toContain(required);
      for (const handled of [
        'AMAZON.NextIntent',
        'AMAZON.PreviousIntent',
        'AMAZON.RepeatIntent',
        'AMAZON.StartOverIntent',
        'AMAZON.LoopOnIntent',
        'AMAZON.LoopOffIntent',
        'AMAZON.ShuffleOnIntent',
        'AMAZON.ShuffleOffIntent',
        'AMAZON.CancelIntent',
      ]) {
        expect(names).toContain(handled);
      }
    }
  });

  it('refuses an endpoint that is not a Lambda ARN, and non-https legal URLs', () => {
    expect(() => buildSkillManifest({ lambdaArn: 'https://example.org/skill', ...LEGAL })).toThrow(SkillPackageError);
    expect(() => buildSkillManifest({ lambdaArn: ARN, ...LEGAL, termsOfUseUrl: 'http://example.org/t' })).toThrow(
      /https/,
    );
  });
});

describe('where the Lambda ARN comes from', () => {
  it('prefers --lambda-arn', () => {
    const options = parseOptions(['--lambda-arn', ARN], {});
    expect(resolveLambdaArn(options, undefined)).toBe(ARN);
  });

  it('reads the stack output from the cdk outputs file', () => {
    const options = parseOptions([], {});
    const outputs = JSON.stringify({ [STACK_NAME]: { [OUTPUT_KEYS.functionArn]: ARN, [OUTPUT_KEYS.tableName]: 't' } });
    expect(resolveLambdaArn(options, outputs)).toBe(ARN);
  });

  it('fails with both remedies when there is neither', () => {
    const options = parseOptions([], {});
    expect(() => resolveLambdaArn(options, undefined)).toThrow(/--lambda-arn.*npm run deploy/);
    expect(() => resolveLambdaArn(options, '{"Other":{}}')).toThrow(/has no PartnerMassageCoach\.SkillFunctionArn/);
  });

  it('takes the legal URLs from flags, then the environment, else placeholders', () => {
    const fromEnv = parseOptions([], { SKILL_PRIVACY_POLICY_URL: 'https://e.org/p' });
    expect(fromEnv.privacyPolicyUrl).toBe('https://e.org/p');
    expect(fromEnv.termsOfUseUrl).toBe(PLACEHOLDER_URLS.termsOfUseUrl);
    expect(fromEnv.placeholders).toEqual(['terms-of-use-url']);
    const fromFlags = parseOptions(['--privacy-policy-url', 'https://f.org/p'], { SKILL_PRIVACY_POLICY_URL: 'x' });
    expect(fromFlags.privacyPolicyUrl).toBe('https://f.org/p');
  });
});

describe('skill package from interaction-models/', () => {
  const models = sourceModels();
  const manifest = buildSkillManifest({ lambdaArn: ARN, ...LEGAL });

  it('has a model for every locale the manifest publishes', () => {
    for (const locale of Object.keys(manifest.manifest.publishingInformation.locales)) {
      expect(Object.keys(models)).toContain(locale);
    }
  });

  it.each(LOCALES)(
    'uses the invocation name of the example phrases in %s, and every example phrase reaches an intent',
    (locale) => {
      const model = languageModelOf(models[locale], `${locale}.json`);
      expect(model.invocationName).toBe(INVOCATION_NAME);
      const phrases = manifest.manifest.publishingInformation.locales[locale]?.examplePhrases ?? [];
      expect(examplePhraseProblems(model, phrases)).toEqual([]);
    },
  );

  it('refuses to build when a published locale has no model', () => {
    const { 'en-GB': _missing, ...others } = models;
    expect(() => buildSkillPackage(manifest, others)).toThrow(
      'The manifest publishes en-GB but interaction-models/en-GB.json is missing',
    );
  });

  it('catches an example phrase the model does not understand', () => {
    const model = languageModelOf(models['en-US'], 'en-US.json');
    expect(examplePhraseProblems(model, ['Alexa, ask partner massage to juggle flaming torches'])).toHaveLength(1);
    expect(examplePhraseProblems(model, ['Alexa, ask other skill to resume'])).toHaveLength(1);
  });

  it('refuses to build without any interaction model', () => {
    expect(() => buildSkillPackage(manifest, {})).toThrow(/No interaction model/);
  });

  describe('written by the CLI', () => {
    let outDir: string;
    let run: ReturnType<typeof spawnSync>;

    beforeAll(() => {
      // Act: run the CLI as npm run skill-package does, into a temporary folder.
      outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skill-package-'));
      run = spawnSync(
        path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
        ['tools/skill-package/cli.ts', '--lambda-arn', ARN, '--out-dir', outDir],
        { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, SKILL_PRIVACY_POLICY_URL: '' } },
      );
    });

    afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

    it('writes skill.json with the endpoint set', () => {
      expect(run.status).toBe(0);
      const written = JSON.parse(fs.readFileSync(path.join(outDir, 'skill.json'), 'utf8'));
      expect(written.manifest.apis.custom.endpoint.uri).toBe(ARN);
      expect(written.manifest.events.endpoint.uri).toBe(ARN);
      expect(Object.keys(written.manifest.publishingInformation.locales)).toEqual([...LOCALES]);
      expect(written.manifest.publishingInformation.locales['en-US'].name).toBe('Partner Massage Coach');
    });

    it('copies the model of every locale, and only those, with the same intents as its source', () => {
      const written = fs.readdirSync(path.join(outDir, 'interactionModels', 'custom')).sort();
      expect(written).toEqual(LOCALES.map((locale) => `${locale}.json`).sort());
      for (const [locale, source] of Object.entries(models)) {
        const file = path.join(outDir, 'interactionModels', 'custom', `${locale}.json`);
        const copy = JSON.parse(fs.readFileSync(file, 'utf8'));
        expect(intentNames(languageModelOf(copy, file))).toEqual(intentNames(languageModelOf(source, locale)));
        expect(copy).toEqual(source);
      }
    });

    it('warns that placeholder legal URLs are in use', () => {
      expect(String(run.stderr)).toMatch(/placeholder URL/);
    });

    it('fails with a clear message when no ARN is available', () => {
      const failed = spawnSync(
        path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
        ['tools/skill-package/cli.ts', '--outputs-file', path.join(outDir, 'missing.json'), '--out-dir', outDir],
        { cwd: REPO_ROOT, encoding: 'utf8' },
      );
      expect(failed.status).toBe(1);
      expect(failed.stderr).toMatch(/No Lambda ARN.*--lambda-arn/);
    });
  });
});
