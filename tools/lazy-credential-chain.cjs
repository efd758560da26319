// Stands in for @aws-sdk/credential-provider-node in the skill's bundle (tools/build.ts aliases the
// package to this file): the same `defaultProvider`, which requires the real chain from
// credential-chain.js beside index.js the first time a client resolves credentials through it.
const { join } = require('node:path');

const CHAIN_FILE = 'credential-chain.js';
let chain;

exports.defaultProvider = (init) => {
  let provider;
  return (props) => {
    chain ??= require(join(__dirname, CHAIN_FILE));
    provider ??= chain.defaultProvider(init);
    return provider(props);
  };
};
