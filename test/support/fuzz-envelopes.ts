/**
 * fast-check arbitraries for the fuzz test: chains of requests of every request type, well-formed
 * and malformed, built from the interaction model. A chain is generated as recipes; the envelopes
 * are built while it runs, because each request carries the session attributes of an earlier
 * response, and a mutation names its target by a number taken modulo what is there to change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import fc from 'fast-check';
import { REQUEST_TYPES, type RequestType } from '../../lambda/handlers/request-types';
import { buildEnvelope, type EnvelopeContext } from '../../tools/simulator/envelope';
import { envelopeOf } from './request-envelopes';

interface ModelSlot {
  readonly name: string;
  readonly type: string;
}
interface ModelIntent {
  readonly name: string;
  readonly slots: readonly ModelSlot[];
}
interface ModelValue {
  readonly id: string;
  readonly names: readonly string[];
}

export interface InteractionModel {
  readonly intents: readonly ModelIntent[];
  readonly types: ReadonlyMap<string, readonly ModelValue[]>;
}

export function loadInteractionModel(locale = 'en-US'): InteractionModel {
  const path = join(__dirname, '..', '..', 'interaction-models', `${locale}.json`);
  const json = JSON.parse(readFileSync(path, 'utf8')) as {
    interactionModel: {
      languageModel: {
        intents: { name: string; slots?: ModelSlot[] }[];
        types?: { name: string; values: { id?: string; name: { value: string; synonyms?: string[] } }[] }[];
      };
    };
  };
  const model = json.interactionModel.languageModel;
  const types = new Map<string, ModelValue[]>();
  for (const type of model.types ?? []) {
    types.set(
      type.name,
      type.values.map((value) => ({
        id: value.id ?? value.name.value,
        names: [value.name.value, ...(value.name.synonyms ?? [])],
      })),
    );
  }
  return {
    intents: model.intents.map((intent) => ({ name: intent.name, slots: intent.slots ?? [] })),
    types,
  };
}

/** A change to a JSON tree: `pick` chooses among its paths, modulo how many there are. */
export type Mutation =
  | { readonly op: 'delete'; readonly pick: number }
  | { readonly op: 'set'; readonly pick: number; readonly value: unknown };

/** Where a request's time comes from. */
export type Timing =
  | { readonly kind: 'after'; readonly seconds: number }
  | { readonly kind: 'at'; readonly epochMs: number }
  | { readonly kind: 'raw'; readonly value: unknown };

export type RequestRecipe =
  | { readonly type: 'LaunchRequest' }
  | { readonly type: 'IntentRequest'; readonly intent: string; readonly slots: Record<string, unknown> }
  | { readonly type: 'CanFulfillIntentRequest'; readonly intent: string; readonly slots: Record<string, unknown> }
  | { readonly type: 'SessionEndedRequest'; readonly reason: unknown }
  | { readonly type: 'other'; readonly requestType: RequestType }
  | { readonly type: 'unknown'; readonly requestType: string };

export interface StepRecipe {
  readonly request: RequestRecipe;
  readonly timing: Timing;
  /** A new session (no attributes), or the session goes on with an earlier response's attributes. */
  readonly session: { readonly kind: 'new' } | { readonly kind: 'continue'; readonly back: number };
  readonly attributeMutations: readonly Mutation[];
  readonly envelopeMutations: readonly Mutation[];
  /** Rarely: the envelope is replaced whole (null, a string, an array…), or is for another skill. */
  readonly damage: { readonly kind: 'replace'; readonly value: unknown } | { readonly kind: 'foreignSkill' } | null;
}

/** Strings Alexa would never send: odd code points, markup, huge. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 3,
    arbitrary: fc.string({
      unit: fc.constantFrom(
        '\u0000',
        '\u0007',
        '\u001b',
        '\ud800',
        '\udfff',
        '\ufffe',
        '\uffff',
        '\u202e',
        '\u200b',
        '&',
        '<',
        '>',
        '"',
        "'",
        ']]>',
        '<!--',
        '&amp;',
        'é',
        '👩‍🍼',
        '\n',
        ' ',
        'undefined',
        'null',
      ),
      maxLength: 20,
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(10_000), '&'.repeat(9_000), '\u0301'.repeat(5_000)) },
);

/** Any JSON value, small, with odd strings in it. */
export const oddJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(null, 0, -1, 1e308, true, false, '', [], {}) },
  { weight: 2, arbitrary: oddString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noDefaultInfinity: true, noNaN: true }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.array(oddString, { maxLength: 3 }) },
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('set' as const), pick: fc.nat(), value: oddJson }),
);

function resolution(id: string | undefined, name: string): Record<string, unknown> {
  const authority = 'amzn1.er-authority.echo-sdk.fuzz';
  return id === undefined
    ? { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } }
    : { authority, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name, id } }] };
}

/** Values for Amazon's built-in slot types the model uses, as Alexa would fill them, and not. */
function builtInValue(type: string): fc.Arbitrary<string> {
  if (type === 'AMAZON.NUMBER')
    return fc.oneof(fc.nat(30).map(String), fc.constantFrom('?', '-1', '1e9', '007', '3.5'));
  if (type === 'AMAZON.DURATION') {
    return fc.oneof(
      fc.tuple(fc.nat(120), fc.nat(59)).map(([m, s]) => `PT${m}M${s}S`),
      fc.constantFrom('PT30S', 'PT2M', 'P1D', 'P999D', 'PT0S', '?', 'PT', 'P1W', 'pt5m'),
    );
  }
  return oddString;
}

/** One slot of a model intent, in any of the shapes it could arrive in. */
function slotArbitrary(model: InteractionModel, slot: ModelSlot): fc.Arbitrary<unknown> {
  const values = model.types.get(slot.type) ?? [];
  const named = { name: slot.name, confirmationStatus: 'NONE', source: 'USER' };
  const resolved =
    values.length > 0
      ? fc.tuple(fc.constantFrom(...values), fc.nat()).map(([value, which]) => {
          const said = value.names[which % value.names.length] ?? value.id;
          return { ...named, value: said, resolutions: { resolutionsPerAuthority: [resolution(value.id, said)] } };
        })
      : builtInValue(slot.type).map((value) => ({ ...named, value }));
  return fc.oneof(
    { weight: 6, arbitrary: resolved },
    { weight: 1, arbitrary: fc.constant({ name: slot.name, confirmationStatus: 'NONE' }) },
    {
      weight: 2,
      arbitrary: oddString.map((value) => ({
        ...named,
        value,
        resolutions: { resolutionsPerAuthority: [resolution(undefined, value)] },
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(oddString, oddString).map(([value, id]) => ({
        ...named,
        value,
        resolutions: { resolutionsPerAuthority: [resolution(id, value)] },
      })),
    },
    { weight: 1, arbitrary: oddJson },
  );
}

/** Intent names Alexa could send that the model lacks: AudioPlayer's required built-ins, and junk. */
const foreignIntent = fc.oneof(
  fc.constantFrom(
    'AMAZON.ShuffleOnIntent',
    'AMAZON.LoopOffIntent',
    'AMAZON.SelectIntent',
    'AMAZON.ScrollDownIntent',
    'constructor',
    '__proto__',
    'hasOwnProperty',
    '',
  ),
  oddString,
);

function intentArbitrary(model: InteractionModel): fc.Arbitrary<{ intent: string; slots: Record<string, unknown> }> {
  const known = fc.constantFrom(...model.intents).chain((intent) =>
    fc.tuple(...intent.slots.map((slot) => fc.option(slotArbitrary(model, slot), { freq: 4 }))).map((values) => {
      const slots: Record<string, unknown> = {};
      intent.slots.forEach((slot, index) => {
        const value = values[index];
        if (value !== null && value !== undefined) slots[slot.name] = value;
      });
      return { intent: intent.name, slots };
    }),
  );
  return fc.oneof(
    { weight: 12, arbitrary: known },
    { weight: 1, arbitrary: foreignIntent.map((intent) => ({ intent, slots: {} })) },
  );
}

const timing: fc.Arbitrary<Timing> = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 300 }).map((seconds) => ({ kind: 'after' as const, seconds })) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 301, max: 30 * 86_400 }).map((seconds) => ({ kind: 'after' as const, seconds })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: Date.parse('1970-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') })
      .map((epochMs) => ({ kind: 'at' as const, epochMs })),
  },
  { weight: 1, arbitrary: oddJson.map((value) => ({ kind: 'raw' as const, value })) },
);

const OTHER_TYPES = REQUEST_TYPES.filter(
  (type) => !['LaunchRequest', 'IntentRequest', 'SessionEndedRequest', 'CanFulfillIntentRequest'].includes(type),
);

function requestArbitrary(model: InteractionModel): fc.Arbitrary<RequestRecipe> {
  const intent = intentArbitrary(model);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant({ type: 'LaunchRequest' as const }) },
    { weight: 14, arbitrary: intent.map((value) => ({ type: 'IntentRequest' as const, ...value })) },
    { weight: 1, arbitrary: intent.map((value) => ({ type: 'CanFulfillIntentRequest' as const, ...value })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(fc.constantFrom('USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS'), oddJson)
        .map((reason) => ({ type: 'SessionEndedRequest' as const, reason })),
    },
    {
      weight: 5,
      arbitrary: fc.constantFrom(...OTHER_TYPES).map((requestType) => ({ type: 'other' as const, requestType })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(fc.constantFrom('Alexa.Future.Event', 'launchrequest', 'Intent', ''), oddString)
        .map((requestType) => ({ type: 'unknown' as const, requestType })),
    },
  );
}

export function stepArbitrary(model: InteractionModel): fc.Arbitrary<StepRecipe> {
  return fc.record({
    request: requestArbitrary(model),
    timing,
    session: fc.oneof(
      { weight: 10, arbitrary: fc.constant({ kind: 'continue' as const, back: 0 }) },
      { weight: 2, arbitrary: fc.nat(8).map((back) => ({ kind: 'continue' as const, back })) },
      { weight: 2, arbitrary: fc.constant({ kind: 'new' as const }) },
    ),
    attributeMutations: fc.oneof(
      { weight: 8, arbitrary: fc.constant([]) },
      { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
    ),
    envelopeMutations: fc.oneof(
      { weight: 8, arbitrary: fc.constant([]) },
      { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) },
    ),
    damage: fc.oneof(
      { weight: 40, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: oddJson.map((value) => ({ kind: 'replace' as const, value })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'foreignSkill' as const }) },
    ),
  });
}

/** What a chain starts from: maybe a paused place stored for the user, maybe a routine started. */
export interface ChainRecipe {
  readonly pausedPlace: { readonly routine: number; readonly stepIndex: number } | null;
  /** Launch, start a routine and say ready before the random steps, so they meet a routine under way. */
  readonly startRoutine: number | null;
  readonly steps: readonly StepRecipe[];
}

export function chainArbitrary(model: InteractionModel, maxSteps: number): fc.Arbitrary<ChainRecipe> {
  return fc.record({
    pausedPlace: fc.option(fc.record({ routine: fc.nat(), stepIndex: fc.nat(8) }), { freq: 3 }),
    startRoutine: fc.option(fc.nat(), { freq: 2 }),
    steps: fc.array(stepArbitrary(model), { minLength: 1, maxLength: maxSteps }),
  });
}

/** A deep copy of JSON made in this realm, so deep equality holds between copies (structuredClone's do not). */
export function jsonCopy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Every path in a JSON tree, parents before children; the root is the empty path. */
export function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [[...prefix]];
  if (typeof value !== 'object' || value === null) return paths;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  for (const [key, child] of entries) paths.push(...pathsOf(child, [...prefix, key]));
  return paths;
}

/**
 * Applies a mutation to a JSON tree in place. The root itself is never the target, nor any path
 * `spare` returns true for.
 */
export function mutate(
  tree: unknown,
  change: Mutation,
  spare: (path: (string | number)[]) => boolean = () => false,
): void {
  const paths = pathsOf(tree).filter((path) => path.length > 0 && !spare(path));
  const path = paths[change.pick % Math.max(paths.length, 1)];
  if (path === undefined) return;
  let parent = tree as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (change.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = jsonCopy(change.value);
  }
}

/** Builds the envelope a recipe describes, before mutations. */
export function envelopeFor(request: RequestRecipe, ctx: EnvelopeContext): RequestEnvelope {
  switch (request.type) {
    case 'LaunchRequest':
      return buildEnvelope({ type: 'LaunchRequest' }, ctx);
    case 'IntentRequest': {
      const envelope = buildEnvelope({ type: 'IntentRequest', intent: request.intent }, ctx);
      const built = envelope.request as unknown as { intent: Record<string, unknown> };
      built.intent = { ...built.intent, slots: jsonCopy(request.slots) };
      return envelope;
    }
    case 'CanFulfillIntentRequest':
      return envelopeOf('CanFulfillIntentRequest', ctx, {
        intent: { name: request.intent, confirmationStatus: 'NONE', slots: jsonCopy(request.slots) },
      });
    case 'SessionEndedRequest':
      return envelopeOf('SessionEndedRequest', ctx, { reason: jsonCopy(request.reason) });
    case 'other':
      return envelopeOf(request.requestType, ctx);
    case 'unknown':
      return envelopeOf('Messaging.MessageReceived', ctx, { type: request.requestType });
  }
}
