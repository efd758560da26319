/**
 * Bundles the Lambda into dist/lambda/index.js: CommonJS, minified, with a source map (mappings
 * only: no sources content). The bench builds its baseline with the same settings through
 * `bundle`, and the stack (infra/skill-function.ts) deploys what `bundleSkillSync` builds: one build
 * for `npm run build`, the bench and the deployed function.
 *
 * The skill's bundle also leaves the AWS SDK's default credential chain out of index.js: the skill
 * hands its DynamoDB client the credentials Lambda puts in the environment
 * (lambda/persistence/dynamo-client.ts), so the chain (about 100 KB: the shared-config, SSO, STS,
 * web identity, process, HTTP and instance-metadata providers) is never needed on Lambda, and not
 * parsing it buys about 15 ms of every cold start. esbuild's `alias` puts a small stand-in
 * (tools/lazy-credential-chain.cjs) in the package's place; the chain itself goes to
 * credential-chain.js beside index.js, required only if the client ever asks for it (no keys in
 * the environment).
 */
import { dirname, join, resolve } from 'node:path';
import { type BuildOptions, buildSync } from 'esbuild';

/** The repository root: relative entries and output files are resolved from here. */
const PROJECT_ROOT = resolve(__dirname, '..');
export const LAMBDA_ENTRY = 'lambda/index.ts';
export const LAMBDA_BUNDLE = 'dist/lambda/index.js';
/** The default credential chain's own bundle, beside the skill's index.js. */
export const CREDENTIAL_CHAIN_FILE = 'credential-chain.js';
const CREDENTIAL_CHAIN_PACKAGE = '@aws-sdk/credential-provider-node';
/** Stands in for the chain package in the skill's bundle; requires CREDENTIAL_CHAIN_FILE on first use. */
const LAZY_CHAIN_MODULE = join(__dirname, 'lazy-credential-chain.cjs');

/** What the skill's and the baseline's bundles share: one set of esbuild settings. */
const SHARED: BuildOptions = {
  absWorkingDir: PROJECT_ROOT,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  // Stack traces need the mappings only (lambda/log.ts maps an error's frames when it logs one);
  // leaving the sources out makes the map a third of the size.
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
};

export interface BundleOptions {
  /**
   * Leave the SDK's default credential chain out of the bundle, in its own file required on first
   * use. Only for code that gives its clients credentials itself where it runs (the skill).
   * @default false
   */
  readonly lazyCredentialChain?: boolean;
  /** More folders to find packages in, for an entry outside the project (tests). @default none */
  readonly nodePaths?: readonly string[];
}

/**
 * Bundles one entry point for the Lambda runtime; returns the output size in bytes. Synchronous, so
 * the stack's asset bundling (which CDK runs synchronously) can call it.
 */
export function bundleSync(entry: string, outfile: string, options: BundleOptions = {}): number {
  const result = buildSync({
    ...SHARED,
    entryPoints: [entry],
    outfile,
    ...(options.lazyCredentialChain ? { alias: { [CREDENTIAL_CHAIN_PACKAGE]: LAZY_CHAIN_MODULE } } : {}),
    ...(options.nodePaths ? { nodePaths: [...options.nodePaths] } : {}),
  });
  if (options.lazyCredentialChain) {
    buildSync({
      ...SHARED,
      entryPoints: [require.resolve(CREDENTIAL_CHAIN_PACKAGE)],
      outfile: join(dirname(outfile), CREDENTIAL_CHAIN_FILE),
    });
  }
  return Object.values(result.metafile?.outputs ?? {}).find((output) => output.entryPoint)?.bytes ?? 0;
}

/** {@link bundleSync}, for callers that await it. */
export async function bundle(entry: string, outfile: string, options: BundleOptions = {}): Promise<number> {
  return bundleSync(entry, outfile, options);
}

/**
 * The skill's bundle, as `npm run build` and the stack make it: `outfile` (index.js), its map, and
 * CREDENTIAL_CHAIN_FILE beside it.
 * @param entry - the handler's entry file (@default LAMBDA_ENTRY)
 */
export function bundleSkillSync(outfile: string = LAMBDA_BUNDLE, entry: string = LAMBDA_ENTRY): number {
  return bundleSync(entry, outfile, { lazyCredentialChain: true });
}

/** {@link bundleSkillSync}, for callers that await it. */
export async function bundleSkill(outfile: string = LAMBDA_BUNDLE): Promise<number> {
  return bundleSkillSync(outfile);
}

if (require.main === module) {
  try {
    const bytes = bundleSkillSync();
    console.log(`${LAMBDA_BUNDLE} ${(bytes / 1024).toFixed(1)} KB`);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
