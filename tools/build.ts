/**
 * Bundles the Lambda into dist/lambda/index.js: CommonJS, minified, with a source map. The bench
 * builds its baseline with the same settings through `bundle`.
 *
 * The skill's bundle also leaves the AWS SDK's default credential chain out of index.js
 * (`lazyCredentialChain`): the skill hands its DynamoDB client the credentials Lambda puts in the
 * environment (lambda/persistence/dynamo-client.ts), so the chain (about 100 KB: the shared-config,
 * SSO, STS, web identity, process, HTTP and instance-metadata providers) is never needed on Lambda,
 * and not parsing it buys about 15 ms of every cold start. It goes to credential-chain.js beside
 * index.js, required only if the client ever asks for it (no keys in the environment).
 */
import { dirname, join } from 'node:path';
import { type BuildOptions, build, type Plugin } from 'esbuild';

export const LAMBDA_ENTRY = 'lambda/index.ts';
export const LAMBDA_BUNDLE = 'dist/lambda/index.js';
/** The default credential chain's own bundle, beside the skill's index.js. */
export const CREDENTIAL_CHAIN_FILE = 'credential-chain.js';
const CREDENTIAL_CHAIN_PACKAGE = '@aws-sdk/credential-provider-node';

/** What the skill's and the baseline's bundles share: one set of esbuild settings. */
const SHARED: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * Stands in for the credential chain package: the same `defaultProvider`, which requires the real
 * chain from credential-chain.js the first time a client resolves credentials through it.
 */
const LAZY_CHAIN_SOURCE = `
const { join } = require('node:path');
let chain;
exports.defaultProvider = (init) => {
  let provider;
  return (props) => {
    chain ??= require(join(__dirname, ${JSON.stringify(CREDENTIAL_CHAIN_FILE)}));
    provider ??= chain.defaultProvider(init);
    return provider(props);
  };
};
`;

const lazyCredentialChain: Plugin = {
  name: 'lazy-credential-chain',
  setup(builder) {
    builder.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({
      path: CREDENTIAL_CHAIN_PACKAGE,
      namespace: 'lazy-credential-chain',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'lazy-credential-chain' }, () => ({
      contents: LAZY_CHAIN_SOURCE,
      loader: 'js',
    }));
  },
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

/** Bundles one entry point for the Lambda runtime; returns the output size in bytes. */
export async function bundle(entry: string, outfile: string, options: BundleOptions = {}): Promise<number> {
  const result = await build({
    ...SHARED,
    entryPoints: [entry],
    outfile,
    ...(options.lazyCredentialChain ? { plugins: [lazyCredentialChain] } : {}),
    ...(options.nodePaths ? { nodePaths: [...options.nodePaths] } : {}),
  });
  if (options.lazyCredentialChain) {
    await build({
      ...SHARED,
      entryPoints: [require.resolve(CREDENTIAL_CHAIN_PACKAGE)],
      outfile: join(dirname(outfile), CREDENTIAL_CHAIN_FILE),
    });
  }
  return Object.values(result.metafile?.outputs ?? {}).find((output) => output.entryPoint)?.bytes ?? 0;
}

/** The skill's bundle, as `npm run build` makes it. */
export function bundleSkill(outfile: string = LAMBDA_BUNDLE): Promise<number> {
  return bundle(LAMBDA_ENTRY, outfile, { lazyCredentialChain: true });
}

if (require.main === module) {
  bundleSkill().then(
    (bytes) => console.log(`${LAMBDA_BUNDLE} ${(bytes / 1024).toFixed(1)} KB`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
