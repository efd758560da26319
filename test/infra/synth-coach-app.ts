/**
 * Synthesises the skill's CDK app the way `cdk synth` does: the feature flags from cdk.json,
 * the deploy context as `-c` flags, and the cdk-nag plugin that defineCoachApp registers.
 * The skill function bundles lambda/index.ts with esbuild for real (unless told not to), so call
 * this once per file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { defineCoachApp } from '../../infra/coach-app';
import type { CoachStack } from '../../infra/coach-stack';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const TEST_SKILL_ID = 'amzn1.ask.skill.11111111-2222-4333-8444-555555555555';

/**
 * An audio folder that never exists, the default for tests: what a developer has rendered into
 * build/audio must not change what the tests see.
 */
export const NO_AUDIO_DIR = path.join(os.tmpdir(), 'partner-massage-coach-no-rendered-audio');

/**
 * Files of a small rendered catalogue: content-hashed MP3 paths, a Now Playing picture, the
 * manifest, and a stray file.
 */
export const AUDIO_FIXTURE_FILES = {
  'manifest.json':
    '{"files":{"3f2a9c":{"path":"foot/3f2a9c.mp3"},"b71e04":{"path":"back/b71e04.mp3"}},"art":{"sole":"art/sole-0123456789abcdef.png"}}\n',
  'foot/3f2a9c.mp3': 'ID3 fixture one',
  'back/b71e04.mp3': 'ID3 fixture two',
  'art/sole-0123456789abcdef.png': '\x89PNG fixture',
  'notes.txt': 'not audio',
} as const;

/** Writes {@link AUDIO_FIXTURE_FILES} into a new temporary folder and returns its path. */
export function writeAudioFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rendered-audio-'));
  for (const [name, content] of Object.entries(AUDIO_FIXTURE_FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** The feature flags and other context cdk.json gives the CLI. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

/** One entry of the policy validation report the CDK writes into the cloud assembly. */
export interface ValidationReport {
  readonly pluginReports: readonly {
    readonly summary?: { readonly pluginName?: string };
    readonly violations?: readonly {
      readonly ruleName: string;
      readonly ruleMetadata?: Readonly<Record<string, string>>;
    }[];
  }[];
}

export interface SynthesisedCoachApp {
  readonly app: App;
  readonly stack: CoachStack;
  readonly assembly: CloudAssembly;
  readonly template: Template;
  readonly validationReport: ValidationReport | undefined;
  /** What synthesis printed to stderr (a report of warnings). */
  readonly synthStderr: readonly string[];
  /** The stack's annotations (read once, with stderr kept as above). */
  readonly annotations: Annotations;
}

export interface SynthOptions {
  /**
   * Run esbuild for the skill function. Without it the function's asset is the source folder,
   * unbundled, as `cdk synth --exclusively`/bundling-stacks does for stacks it skips.
   *
   * @default true
   */
  readonly bundle?: boolean;
}

/**
 * Builds and synthesises the app with `-c` style context (skillId defaults to the test id,
 * audioDir to {@link NO_AUDIO_DIR}).
 */
export function synthCoachApp(context: Record<string, string> = {}, options: SynthOptions = {}): SynthesisedCoachApp {
  const app = new App({
    context: {
      ...cdkJsonContext(),
      skillId: TEST_SKILL_ID,
      audioDir: NO_AUDIO_DIR,
      ...context,
      ...(options.bundle === false ? { 'aws:cdk:bundling-stacks': [] } : {}),
    },
  });
  const stack = defineCoachApp(app);
  // Throws with the cdk-nag report if any finding is not acknowledged. A report with warnings
  // only (the rendered-audio annotation) is printed to stderr: kept in `synthStderr` instead.
  const synthStderr: string[] = [];
  const printError = console.error;
  console.error = (...args: unknown[]) => synthStderr.push(args.map(String).join(' '));
  let assembly: CloudAssembly;
  let annotations: Annotations;
  try {
    assembly = app.synth();
    // Annotations.fromStack synthesises again (and prints the report again).
    annotations = Annotations.fromStack(stack);
  } finally {
    console.error = printError;
  }
  const reportFile = path.join(assembly.directory, 'validation-report.json');
  const validationReport = fs.existsSync(reportFile)
    ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ValidationReport)
    : undefined;
  return { app, stack, assembly, template: Template.fromStack(stack), validationReport, synthStderr, annotations };
}

function isAnnotation(violation: NonNullable<ValidationReport['pluginReports'][number]['violations']>[number]) {
  return violation.ruleMetadata?.['cdk:annotation'] === 'true';
}

/**
 * All policy violations (cdk-nag findings) in a validation report, as "rule" strings. Construct
 * annotations, which cdk.json also routes into the report, are left to {@link annotationsIn}.
 */
export function violationsIn(report: ValidationReport | undefined): string[] {
  return (report?.pluginReports ?? []).flatMap((r) =>
    (r.violations ?? []).filter((v) => !isAnnotation(v)).map((v) => v.ruleName),
  );
}

/** The construct annotations (warnings) in a validation report, as "Annotation::id" strings. */
export function annotationsIn(report: ValidationReport | undefined): string[] {
  return (report?.pluginReports ?? []).flatMap((r) => (r.violations ?? []).filter(isAnnotation).map((v) => v.ruleName));
}
