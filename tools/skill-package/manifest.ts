/**
 * Builds the skill package (manifest and interaction models) as plain data, with no file system
 * access, so tests can check exactly what the CLI writes. Layout and field names follow the
 * SMAPI skill package format that ASK CLI and `ask smapi` take.
 */
import { REMINDERS_SCOPE } from '../../lambda/handlers/permission';
import { examplePhraseProblems, languageModelOf } from './interaction-model';
import { DISTRIBUTION, INVOCATION_NAME, type LocalePublishing, PUBLISHING } from './publishing';

/** Limits from the skill manifest schema (publishingInformation.locales). */
export const MANIFEST_LIMITS = {
  /** Skill name: 2–50 characters. */
  nameMaxChars: 50,
  /** One-line summary shown in the skill store. */
  summaryMaxChars: 160,
  /** Full description. */
  descriptionMaxChars: 4000,
  /** The store shows at most three example phrases. */
  examplePhrasesMax: 3,
  /** Search keywords. */
  keywordsMax: 30,
} as const;

/** Where the privacy policy and terms of use live until real pages exist (never for certification). */
export const PLACEHOLDER_URLS = {
  privacyPolicyUrl: 'https://example.com/partner-massage-coach/privacy',
  termsOfUseUrl: 'https://example.com/partner-massage-coach/terms',
} as const;

export interface ManifestOptions {
  /** The skill function's ARN: the custom API endpoint and the events endpoint. */
  readonly lambdaArn: string;
  readonly privacyPolicyUrl: string;
  readonly termsOfUseUrl: string;
}

/** The skill.json document (SMAPI skill manifest). */
export interface SkillManifest {
  readonly manifest: {
    readonly manifestVersion: '1.0';
    readonly publishingInformation: {
      readonly locales: Readonly<Record<string, LocalePublishing>>;
      readonly category: 'HEALTH_AND_FITNESS';
      readonly isAvailableWorldwide: false;
      readonly distributionCountries: readonly string[];
      readonly testingInstructions: string;
    };
    readonly privacyAndCompliance: {
      readonly allowsPurchases: false;
      readonly usesPersonalInfo: false;
      readonly isChildDirected: false;
      readonly isExportCompliant: true;
      readonly containsAds: false;
      readonly locales: Readonly<Record<string, { readonly privacyPolicyUrl: string; readonly termsOfUseUrl: string }>>;
    };
    readonly apis: {
      readonly custom: {
        readonly endpoint: { readonly uri: string };
        readonly interfaces: readonly SkillInterface[];
      };
    };
    readonly events: {
      readonly endpoint: { readonly uri: string };
      readonly subscriptions: readonly { readonly eventName: string }[];
    };
    /** Permissions the skill may ask for: reminders, asked by voice when she wants one. */
    readonly permissions: readonly { readonly name: string }[];
  };
}

/** An Alexa interface the custom skill declares (`apis.custom.interfaces`). */
export type SkillInterface =
  | { readonly type: 'AUDIO_PLAYER' }
  | { readonly type: 'ALEXA_PRESENTATION_APL'; readonly supportedViewports: readonly Viewport[] };

/** A range of screens the skill's APL card is made for (skill manifest, `supportedViewports`). */
export interface Viewport {
  readonly mode: 'HUB';
  readonly shape: 'ROUND' | 'RECTANGLE';
  readonly minWidth: number;
  readonly maxWidth: number;
  readonly minHeight: number;
  readonly maxHeight: number;
}

/**
 * The Echo Show family: the round Echo Spot, and the landscape hubs from the Show 5 to the Show 15
 * (the APL viewport profiles for hubs). The card is laid out for these sizes.
 */
export const HUB_VIEWPORTS: readonly Viewport[] = [
  { mode: 'HUB', shape: 'ROUND', minWidth: 100, maxWidth: 599, minHeight: 100, maxHeight: 599 },
  { mode: 'HUB', shape: 'RECTANGLE', minWidth: 960, maxWidth: 1279, minHeight: 600, maxHeight: 959 },
  { mode: 'HUB', shape: 'RECTANGLE', minWidth: 1280, maxWidth: 1920, minHeight: 600, maxHeight: 1279 },
];

/**
 * AUDIO_PLAYER: hands-free mode streams each step's rendered audio with AudioPlayer.Play. Declaring
 * it makes AMAZON.PauseIntent and AMAZON.ResumeIntent required, and the other playback built-ins
 * (Next, Previous, Repeat, StartOver, Loop, Shuffle, Cancel) must be handled (alexa-platform.md).
 * ALEXA_PRESENTATION_APL: an Echo Show gets the step card (lambda/screen) and its touch buttons; a
 * request declares `Alexa.Presentation.APL` in its supported interfaces only when the skill declares
 * this.
 */
export const SKILL_INTERFACES: readonly SkillInterface[] = [
  { type: 'AUDIO_PLAYER' },
  { type: 'ALEXA_PRESENTATION_APL', supportedViewports: HUB_VIEWPORTS },
];

function copyInterface(each: SkillInterface): SkillInterface {
  return each.type === 'ALEXA_PRESENTATION_APL'
    ? { ...each, supportedViewports: each.supportedViewports.map((viewport) => ({ ...viewport })) }
    : { ...each };
}

/** A Lambda function ARN, optionally with a version or alias qualifier. */
const LAMBDA_ARN_PATTERN =
  /^arn:aws[a-z-]*:lambda:[a-z]{2}(-[a-z]+)+-\d:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$/;

/** The skill package input is unusable. */
export class SkillPackageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SkillPackageError';
  }
}

export function isLambdaArn(value: string): boolean {
  return LAMBDA_ARN_PATTERN.test(value);
}

function requireHttpsUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new SkillPackageError(`${name} is not a URL: "${value}"`, { cause: error });
  }
  if (url.protocol !== 'https:') throw new SkillPackageError(`${name} must be an https URL: "${value}"`);
  return value;
}

/** Builds skill.json. Permissions are left out: the skill asks for none. */
export function buildSkillManifest(options: ManifestOptions): SkillManifest {
  if (!isLambdaArn(options.lambdaArn)) {
    throw new SkillPackageError(`Not a Lambda function ARN: "${options.lambdaArn}"`);
  }
  const legal = {
    privacyPolicyUrl: requireHttpsUrl('privacyPolicyUrl', options.privacyPolicyUrl),
    termsOfUseUrl: requireHttpsUrl('termsOfUseUrl', options.termsOfUseUrl),
  };
  const endpoint = { uri: options.lambdaArn };
  return {
    manifest: {
      manifestVersion: '1.0',
      publishingInformation: {
        locales: PUBLISHING,
        category: 'HEALTH_AND_FITNESS',
        isAvailableWorldwide: false,
        distributionCountries: Object.values(DISTRIBUTION).flat(),
        testingInstructions:
          'No account linking. Say "Alexa, open partner massage", then "start lower back relief"; ' +
          'during a step try "pause", "resume", "next", "more pressure" and "stop". At the end it offers a ' +
          'practice reminder: say yes, and Alexa asks for the reminders permission by voice; "stop reminding me" ' +
          'removes it. Every locale has the same intents; words, spelling and who to call follow the locale.',
      },
      privacyAndCompliance: {
        allowsPurchases: false,
        usesPersonalInfo: false,
        isChildDirected: false,
        isExportCompliant: true,
        containsAds: false,
        locales: Object.fromEntries(Object.keys(PUBLISHING).map((locale) => [locale, legal])),
      },
      apis: { custom: { endpoint, interfaces: SKILL_INTERFACES.map(copyInterface) } },
      events: { endpoint, subscriptions: [{ eventName: 'SKILL_DISABLED' }] },
      permissions: [{ name: REMINDERS_SCOPE }],
    },
  };
}

/** One file of the package, relative to the package root (the `skill-package` folder). */
export interface PackageFile {
  readonly path: string;
  readonly content: unknown;
}

/** Locale file names as the interaction-models folder holds them: `en-US.json`. */
export const LOCALE_PATTERN = /^[a-z]{2}-[A-Z]{2}$/;

/**
 * The files of the skill package: `skill.json` and `interactionModels/custom/<locale>.json`
 * for every locale given, each model copied unchanged. Every locale the manifest publishes must
 * have a model whose invocation name is {@link INVOCATION_NAME} and which understands the
 * locale's example phrases (the certification checks them).
 */
export function buildSkillPackage(
  manifest: SkillManifest,
  models: Readonly<Record<string, unknown>>,
): readonly PackageFile[] {
  const locales = Object.keys(models).sort();
  if (locales.length === 0) {
    throw new SkillPackageError('No interaction model: expected interaction-models/<locale>.json');
  }
  for (const locale of locales) {
    if (!LOCALE_PATTERN.test(locale)) throw new SkillPackageError(`Not a locale: "${locale}"`);
    languageModelOf(models[locale], `${locale}.json`);
  }
  for (const [locale, publishing] of Object.entries(manifest.manifest.publishingInformation.locales)) {
    if (!(locale in models)) {
      throw new SkillPackageError(`The manifest publishes ${locale} but interaction-models/${locale}.json is missing`);
    }
    const model = languageModelOf(models[locale], `${locale}.json`);
    if (model.invocationName !== INVOCATION_NAME) {
      throw new SkillPackageError(
        `${locale}.json has invocationName "${model.invocationName}"; the store text says "${INVOCATION_NAME}"`,
      );
    }
    const problems = examplePhraseProblems(model, publishing.examplePhrases);
    if (problems.length > 0) {
      throw new SkillPackageError(`Example phrases for ${locale} do not work:\n  ${problems.join('\n  ')}`);
    }
  }
  return [
    { path: 'skill.json', content: manifest },
    ...locales.map((locale) => ({ path: `interactionModels/custom/${locale}.json`, content: models[locale] })),
  ];
}
