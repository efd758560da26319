// Writes the skill package for ASK CLI / SMAPI: `npm run skill-package -- --help`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSkillManifest, buildSkillPackage, LOCALE_PATTERN, SkillPackageError } from './manifest';
import { parseOptions, resolveLambdaArn, USAGE } from './options';

function readIfExists(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

/** Every `<locale>.json` in the models folder, parsed. */
function readModels(dir: string): Record<string, unknown> {
  if (!fs.existsSync(dir)) throw new SkillPackageError(`No interaction model folder: ${dir}`);
  const models: Record<string, unknown> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const locale = name.replace(/\.json$/, '');
    if (!name.endsWith('.json') || !LOCALE_PATTERN.test(locale)) continue;
    const file = path.join(dir, name);
    try {
      models[locale] = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new SkillPackageError(`${file} is not valid JSON`, { cause: error });
    }
  }
  return models;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2), process.env);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const lambdaArn = resolveLambdaArn(
    options,
    options.lambdaArn === undefined ? readIfExists(options.outputsFile) : undefined,
  );
  const manifest = buildSkillManifest({
    lambdaArn,
    privacyPolicyUrl: options.privacyPolicyUrl,
    termsOfUseUrl: options.termsOfUseUrl,
  });
  const files = buildSkillPackage(manifest, readModels(options.modelsDir));

  fs.rmSync(options.outDir, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(options.outDir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, `${JSON.stringify(file.content, null, 2)}\n`);
    console.log(`wrote ${target}`);
  }
  console.log(`endpoint ${lambdaArn}`);
  if (options.placeholders.length > 0) {
    console.warn(
      `warning: placeholder URL for ${options.placeholders.join(' and ')}; fine for the development stage, ` +
        'replace before submitting for certification.',
    );
  }
}

try {
  main();
} catch (error) {
  if (error instanceof SkillPackageError) {
    console.error(`skill-package: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
