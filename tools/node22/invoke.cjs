// Runs under the Node 22 binary (spawned by run.ts): loads the built bundle the way Lambda does,
// then invokes `handler` with each envelope in turn, carrying the response's sessionAttributes
// into the next request's session, as Alexa does within a session.
// argv: <bundle path> <envelopes JSON file>. Prints one JSON report on stdout.
'use strict';
const fs = require('node:fs');

function lambdaContext(index) {
  const deadline = Date.now() + 7000;
  return {
    functionName: 'node22-parity',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:node22-parity',
    memoryLimitInMB: '512',
    awsRequestId: `node22-parity-${index}`,
    logGroupName: '/aws/lambda/node22-parity',
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done() {},
    fail() {},
    succeed() {},
  };
}

async function main() {
  const [bundlePath, envelopesPath] = process.argv.slice(2);
  const envelopes = JSON.parse(fs.readFileSync(envelopesPath, 'utf8'));
  const loadStart = process.hrtime.bigint();
  const { handler } = require(bundlePath);
  const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  if (typeof handler !== 'function') throw new Error(`${bundlePath} does not export a handler function`);

  const turns = [];
  let attributes;
  for (const [index, envelope] of envelopes.entries()) {
    if (attributes !== undefined && envelope.session) envelope.session.attributes = attributes;
    const start = process.hrtime.bigint();
    const response = await handler(envelope, lambdaContext(index));
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    attributes = response?.sessionAttributes ?? {};
    turns.push({ ms, response });
  }
  process.stdout.write(JSON.stringify({ node: process.version, arch: process.arch, loadMs, turns }));
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
