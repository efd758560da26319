/**
 * Synthesises the skill's CDK app the way `cdk synth` does: the feature flags from cdk.json,
 * the deploy context as `-c` flags, and the cdk-nag plugin that defineCoachApp registers.
 * NodejsFunction bundles lambda/index.ts with esbuild for real, so call this once per file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { defineCoachApp } from '../../infra/coach-app';
import type { CoachStack } from '../../infra/coach-stack';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const TEST_SKILL_ID = 'amzn1.ask.skill.11111111-2222-4333-8444-555555555555';

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
    readonly violations?: readonly { readonly ruleName: string }[];
  }[];
}

export interface SynthesisedCoachApp {
  readonly app: App;
  readonly stack: CoachStack;
  readonly assembly: CloudAssembly;
  readonly template: Template;
  readonly validationReport: ValidationReport | undefined;
}

/** Builds and synthesises the app with `-c` style context (skillId defaults to the test id). */
export function synthCoachApp(context: Record<string, string> = {}): SynthesisedCoachApp {
  const app = new App({ context: { ...cdkJsonContext(), skillId: TEST_SKILL_ID, ...context } });
  const stack = defineCoachApp(app);
  // Throws with the cdk-nag report if any finding is not acknowledged.
  const assembly = app.synth();
  const reportFile = path.join(assembly.directory, 'validation-report.json');
  const validationReport = fs.existsSync(reportFile)
    ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ValidationReport)
    : undefined;
  return { app, stack, assembly, template: Template.fromStack(stack), validationReport };
}

/** All violations in a validation report, as "rule" strings. */
export function violationsIn(report: ValidationReport | undefined): string[] {
  return (report?.pluginReports ?? []).flatMap((r) => (r.violations ?? []).map((v) => v.ruleName));
}
