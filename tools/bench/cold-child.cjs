// One cold start: require a bundle, answer one request, report time since process start (and the
// part of it before the require: Node's own start and reading the request) and peak RSS.
// Usage: node cold-child.cjs <bundle.js> <envelope.json>
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');

async function main() {
  const [bundle, envelopePath] = process.argv.slice(2);
  const event = JSON.parse(readFileSync(envelopePath, 'utf8'));
  const loadStart = performance.now();
  const { handler } = require(bundle);
  const loaded = performance.now();
  const response = await handler(event, {});
  const done = performance.now();
  const speech = response?.response?.outputSpeech;
  const result = {
    ms: done,
    startMs: loadStart,
    requireMs: loaded - loadStart,
    handlerMs: done - loaded,
    maxRssKb: process.resourceUsage().maxRSS,
    ok: speech !== undefined,
  };
  process.stdout.write(`\nBENCH_RESULT ${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stdout.write(`\nBENCH_RESULT ${JSON.stringify({ error: String(error) })}\n`);
    process.exit(1);
  },
);
