import * as path from 'node:path';
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { findRenderedAudio, type RenderedAudio } from './audio-source';
import { CoachStack } from './coach-stack';
import { readDeployConfig } from './deploy-config';
import { STACK_NAME } from './stack-outputs';

/** Repository root: a relative `-c audioDir=…` and the default build/audio are taken from here. */
const REPO_ROOT = path.resolve(__dirname, '..');

/**
 * Adds the skill's stack to `app` from its context (`-c skillId=…`, optional `-c alarmEmail=…`,
 * `-c audioDir=…`, `-c audioDomain=… -c audioCertificateArn=…`) and registers the cdk-nag AwsSolutions checks, which run when the app is synthesised: a finding
 * that is not acknowledged (with a written reason) fails synthesis. Without rendered audio the
 * stack has no upload and synthesis warns.
 *
 * @throws DeployConfigError when the context lacks a valid skill id
 */
export function defineCoachApp(app: App): CoachStack {
  const config = readDeployConfig(app.node);
  const audio = findRenderedAudio(path.resolve(REPO_ROOT, config.audioDir));
  const warning = audioWarning(audio);
  const stack = new CoachStack(app, STACK_NAME, {
    skillId: config.skillId,
    ...(config.alarmEmail === undefined ? {} : { alarmEmail: config.alarmEmail }),
    ...(audio.found ? { audioSourceDir: audio.dir } : {}),
    ...(warning === undefined ? {} : { audioWarning: warning }),
    ...(config.audioDomain === undefined ? {} : { audioDomain: config.audioDomain }),
  });
  // writeSuppressionsToCloudFormation keeps each acknowledgement and its reason in the template.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return stack;
}

/** What synthesis should warn about the rendered audio, if anything. */
export function audioWarning(audio: RenderedAudio): string | undefined {
  if (!audio.found) {
    return `${audio.reason} Until then the stack has the audio bucket and distribution, and uploads nothing.`;
  }
  const warnings: string[] = [];
  if (audio.otherFiles.length > 0) {
    const shown = audio.otherFiles.slice(0, 5).join(', ');
    const more = audio.otherFiles.length > 5 ? ` and ${audio.otherFiles.length - 5} more` : '';
    warnings.push(
      `${audio.otherFiles.length} file(s) in ${audio.dir} are neither audio (.mp3), art (art/*.png) nor the manifest and are not uploaded: ` +
        `${shown}${more}.`,
    );
  }
  if (audio.unnamedAudioFiles > 0) {
    warnings.push(
      `${audio.unnamedAudioFiles} of the ${audio.audioFiles} MP3 files in ${audio.dir} are not in its manifest ` +
        '(earlier renders) and are uploaded too. The bucket keeps earlier files anyway: delete them locally to ' +
        'shrink the upload.',
    );
  }
  return warnings.length === 0 ? undefined : warnings.join(' ');
}
