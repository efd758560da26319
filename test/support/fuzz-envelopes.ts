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
import { ALL_VARIANTS, MAX_STEP_NUMBER } from '../../lambda/audio/manifest';
import { buildAudioToken } from '../../lambda/audio/token';
import { catalogue } from '../../lambda/content';
import { LOCALES } from '../../lambda/content/locales';
import { ROUTINE_IDS } from '../../lambda/core/catalogue';
import type { PlayItem } from '../../lambda/core/player';
import { FLOWS } from '../../lambda/core/preferences';
import { REQUEST_TYPES, type RequestType } from '../../lambda/handlers/request-types';
import { buildEnvelope, type EnvelopeContext } from '../../tools/simulator/envelope';
import { NAME_FREE_INTENTS } from '../../tools/simulator/session-driver';
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

/** When the skill issued a token's item, from the request's time (future ones too), or any epoch time. */
export type IssuedRecipe =
  | { readonly kind: 'before'; readonly ms: number }
  | { readonly kind: 'after'; readonly ms: number }
  | { readonly kind: 'epoch'; readonly ms: number };

/** A play item of the skill's: `step` is taken modulo the routine's steps, or lies beyond them. */
export interface ItemRecipe {
  readonly routine: number;
  readonly step: { readonly kind: 'in'; readonly pick: number } | { readonly kind: 'beyond'; readonly extra: number };
  readonly variant: number;
  readonly flow: number;
  readonly attempt: 1 | 2;
  readonly issued: IssuedRecipe;
}

/**
 * A token as a request reports it: one the skill sent earlier in the chain (`issued`, else the
 * item), a valid one of the current or an old render, one with a single field changed, another
 * skill's, or any JSON value.
 */
export type TokenRecipe =
  | { readonly kind: 'issued'; readonly back: number; readonly fallback: ItemRecipe }
  | { readonly kind: 'valid'; readonly item: ItemRecipe; readonly render: string | null }
  | { readonly kind: 'near'; readonly item: ItemRecipe; readonly field: number; readonly value: string }
  | { readonly kind: 'foreign'; readonly value: string }
  | { readonly kind: 'odd'; readonly value: unknown };

/** An offset: a place in the token's file (as a fraction of its length), any value, or none. */
export type OffsetRecipe =
  | { readonly kind: 'within'; readonly fraction: number }
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'missing' };

/** What a request says of the device's audio player. */
export interface PlayerRecipe {
  /** supportedInterfaces.AudioPlayer, else the chain's choice. */
  readonly device: boolean | null;
  /** context.AudioPlayer: absent, an odd value, or its fields (undefined ones left out). */
  readonly context:
    | { readonly kind: 'absent' }
    | { readonly kind: 'odd'; readonly value: unknown }
    | {
        readonly kind: 'fields';
        readonly token: TokenRecipe | null;
        readonly offset: OffsetRecipe;
        readonly activity: { readonly value: unknown } | null;
      };
  /** An AudioPlayer event's own token and offset (null: the token left out); other requests have none. */
  readonly event: { readonly token: TokenRecipe | null; readonly offset: OffsetRecipe };
}

export interface StepRecipe {
  readonly request: RequestRecipe;
  readonly timing: Timing;
  /** A new session (no attributes), or the session goes on with an earlier response's attributes. */
  readonly session: { readonly kind: 'new' } | { readonly kind: 'continue'; readonly back: number };
  readonly attributeMutations: readonly Mutation[];
  readonly envelopeMutations: readonly Mutation[];
  /** Rarely: the envelope is replaced whole (null, a string, an array…), or is for another skill. */
  readonly damage: { readonly kind: 'replace'; readonly value: unknown } | { readonly kind: 'foreignSkill' } | null;
  /** The audio player the request reports (applied before the mutations); null leaves the envelope's own. */
  readonly player: PlayerRecipe | null;
  /** The request's locale (any locale, one the skill has no model for, or not a string); null: en-US. */
  readonly locale: { readonly value: unknown } | null;
}

/** Locales a request may carry: the five, their near misses, other languages, and nonsense. */
export const localeArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LOCALES) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('en-NZ', 'en-ZA', 'en-IE', 'en', 'EN_gb', ' en-au ', 'de-DE', 'es-US', 'hi-IN', 'fr-CA'),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(null, 42, [], {}, 'x'.repeat(5_000))),
  },
);

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
/** The audio player's reports and buttons. */
export const PLAYBACK_TYPES = REQUEST_TYPES.filter((type) => /^(?:AudioPlayer|PlaybackController)\./.test(type));

function requestArbitrary(model: InteractionModel): fc.Arbitrary<RequestRecipe> {
  const intent = intentArbitrary(model);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant({ type: 'LaunchRequest' as const }) },
    { weight: 14, arbitrary: intent.map((value) => ({ type: 'IntentRequest' as const, ...value })) },
    {
      // The commands that reach the skill without its name while it owns the player.
      weight: 3,
      arbitrary: fc
        .constantFrom(...NAME_FREE_INTENTS)
        .map((name) => ({ type: 'IntentRequest' as const, intent: name, slots: {} })),
    },
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
      weight: 4,
      arbitrary: fc.constantFrom(...PLAYBACK_TYPES).map((requestType) => ({ type: 'other' as const, requestType })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(fc.constantFrom('Alexa.Future.Event', 'launchrequest', 'Intent', ''), oddString)
        .map((requestType) => ({ type: 'unknown' as const, requestType })),
    },
  );
}

const DAY_MS = 86_400_000;
/** The latest issue time a token can hold (epoch ms, the range of a Date). */
const MAX_ISSUED_AT = 8.64e15;

const itemArbitrary: fc.Arbitrary<ItemRecipe> = fc.record({
  routine: fc.nat(),
  step: fc.oneof(
    { weight: 8, arbitrary: fc.nat().map((pick) => ({ kind: 'in' as const, pick })) },
    { weight: 1, arbitrary: fc.nat(MAX_STEP_NUMBER).map((extra) => ({ kind: 'beyond' as const, extra })) },
  ),
  variant: fc.nat(),
  flow: fc.nat(),
  attempt: fc.constantFrom(1 as const, 2 as const),
  issued: fc.oneof(
    { weight: 6, arbitrary: fc.nat(30 * DAY_MS).map((ms) => ({ kind: 'before' as const, ms })) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 400 * DAY_MS }).map((ms) => ({ kind: 'after' as const, ms })) },
    { weight: 1, arbitrary: fc.nat(MAX_ISSUED_AT).map((ms) => ({ kind: 'epoch' as const, ms })) },
  ),
});

/** A render version other than the current one (a token from an older render). */
const oldRender = fc.oneof(
  fc.constantFrom('timeline-000000000000', 'r1', 'a'.repeat(64), 'render_2025-01-01'),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
);

/** What replaces one field of a valid token: near misses, separators that split or join fields, junk. */
const nearValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '',
      '0',
      '00',
      '01',
      '1',
      '2',
      '3',
      '-1',
      '1.5',
      '100',
      '99',
      '1e1',
      ' 1',
      'pmc2',
      'PMC1',
      'pmc',
      'Foot',
      'foot',
      'lowerBack',
      'constructor',
      '__proto__',
      'gentle',
      'firm',
      'Medium',
      'normal',
      'quicker',
      'c',
      's',
      'C',
      'x',
      'zzzzzzzzzzz',
      'zzzzzzzzzzzz',
      '2gosa7pa2gw',
      '2gosa7pa2gv',
      '|',
      '.',
      '/',
      '||',
      'a|b',
      'a.b',
      'a/b',
      '\u0000',
      'é',
      '٣',
    ),
  },
  { weight: 1, arbitrary: oddString },
);

/** Tokens of other skills and services, and near prefixes of the skill's own. */
const foreignToken = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'amzn1.track.foot.1',
      'spotify:track:4uLU6hMCjMI75M1A2tKUQC',
      'https://audio.simulator.invalid/foot/1-0123456789abcdef.mp3',
      '00000000-0000-4000-8000-000000000000',
      'pmc1',
      'pmc1|',
      'pmc1|||',
      'pmc0|foot/1/medium.normal.normal|r1|c.1.0',
      'pmc1|foot/1/medium.normal.normal|r1|c.1.0|',
      ' pmc1|foot/1/medium.normal.normal|r1|c.1.0',
      'x'.repeat(1025),
    ),
  },
  { weight: 1, arbitrary: oddString },
);

const tokenArbitrary: fc.Arbitrary<TokenRecipe> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({ back: fc.nat(3), fallback: itemArbitrary })
      .map((value) => ({ kind: 'issued' as const, ...value })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        item: itemArbitrary,
        render: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: oldRender }),
      })
      .map((value) => ({ kind: 'valid' as const, ...value })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ item: itemArbitrary, field: fc.nat(), value: nearValue })
      .map((value) => ({ kind: 'near' as const, ...value })),
  },
  { weight: 1, arbitrary: foreignToken.map((value) => ({ kind: 'foreign' as const, value })) },
  { weight: 1, arbitrary: oddJson.map((value) => ({ kind: 'odd' as const, value })) },
);

const offsetArbitrary: fc.Arbitrary<OffsetRecipe> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.999))
      .map((fraction) => ({ kind: 'within' as const, fraction })),
  },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          -1,
          -0,
          -12_000,
          -1e15,
          0.5,
          12_000.25,
          1e15,
          Number.MAX_SAFE_INTEGER,
          2 ** 53 + 2,
          1e308,
          -1e308,
          Number.MIN_VALUE,
          'NaN',
          'Infinity',
          '-Infinity',
          '12000',
          '1e3',
          '',
          null,
          true,
          [],
          {},
        ),
        fc.integer(),
        fc.double({ noDefaultInfinity: true, noNaN: true }),
        oddJson,
      )
      .map((value) => ({ kind: 'value' as const, value })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'missing' as const }) },
);

/** playerActivity: each value AudioPlayer reports, and others. */
const activityArbitrary = fc.oneof(
  // Playing most, as while the skill's audio plays.
  { weight: 4, arbitrary: fc.constant('PLAYING') },
  {
    weight: 4,
    arbitrary: fc.constantFrom('PAUSED', 'FINISHED', 'BUFFER_UNDERRUN', 'STOPPED', 'IDLE'),
  },
  { weight: 1, arbitrary: fc.constantFrom('playing', 'Paused', '', 'PLAYING ', 'toString', '__proto__') },
  { weight: 1, arbitrary: oddJson },
);

export const playerArbitrary: fc.Arbitrary<PlayerRecipe> = fc.record({
  device: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.boolean() }),
  context: fc.oneof(
    { weight: 2, arbitrary: fc.constant({ kind: 'absent' as const }) },
    { weight: 1, arbitrary: oddJson.map((value) => ({ kind: 'odd' as const, value })) },
    {
      weight: 10,
      arbitrary: fc
        .record({
          token: fc.option(tokenArbitrary, { freq: 8 }),
          offset: offsetArbitrary,
          activity: fc.option(fc.record({ value: activityArbitrary }), { freq: 8 }),
        })
        .map((value) => ({ kind: 'fields' as const, ...value })),
    },
  ),
  event: fc.record({ token: fc.option(tokenArbitrary, { freq: 10 }), offset: offsetArbitrary }),
});

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
    player: fc.option(playerArbitrary, { freq: 5 }),
    locale: fc.option(
      localeArbitrary.map((value) => ({ value })),
      { freq: 3 },
    ),
  });
}

/** What a chain starts from: maybe a paused place stored for the user, maybe a routine started. */
export interface ChainRecipe {
  readonly pausedPlace: { readonly routine: number; readonly stepIndex: number } | null;
  /** Launch, start a routine and say ready before the random steps, so they meet a routine under way. */
  readonly startRoutine: number | null;
  /**
   * Whether the handler has rendered audio, and whether the device declares an audio player unless a
   * step says otherwise; with both, the opening starts the routine hands free.
   */
  readonly audio: { readonly source: boolean; readonly device: boolean };
  readonly steps: readonly StepRecipe[];
}

export function chainArbitrary(model: InteractionModel, maxSteps: number): fc.Arbitrary<ChainRecipe> {
  return fc.record({
    pausedPlace: fc.option(fc.record({ routine: fc.nat(), stepIndex: fc.nat(8) }), { freq: 3 }),
    startRoutine: fc.option(fc.nat(), { freq: 2 }),
    audio: fc.record({
      source: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      device: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    }),
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

/** What a chain's run knows that a player recipe is resolved against. */
export interface PlayerWorld {
  /** The render version of the audio the chain's source holds (the source's, even when the handler has none). */
  readonly renderVersion: string;
  /** The request's time, epoch ms. */
  readonly now: number;
  /** The tokens of every AudioPlayer.Play the skill sent in the chain, latest last. */
  readonly issued: readonly string[];
  /** Whether the device declares an audio player when the step does not say. */
  readonly device: boolean;
  /** The length in ms of the file a token's step variant plays, when it names one. */
  fileMs(token: string): number | undefined;
}

function itemOf(recipe: ItemRecipe, now: number): PlayItem {
  const routineId = ROUTINE_IDS[recipe.routine % ROUTINE_IDS.length] ?? 'foot';
  const steps = catalogue.get(routineId)?.steps.length ?? 1;
  const stepIndex =
    recipe.step.kind === 'in' ? recipe.step.pick % steps : Math.min(steps + recipe.step.extra, MAX_STEP_NUMBER - 1);
  const issuedAt =
    recipe.issued.kind === 'epoch'
      ? recipe.issued.ms
      : Math.min(
          MAX_ISSUED_AT,
          Math.max(0, Math.floor(now) + (recipe.issued.kind === 'after' ? 1 : -1) * recipe.issued.ms),
        );
  return {
    routineId,
    stepIndex,
    variant: ALL_VARIANTS[recipe.variant % ALL_VARIANTS.length] ?? {
      pressure: 'medium',
      speechRate: 'normal',
      pace: 'normal',
    },
    flow: FLOWS[recipe.flow % FLOWS.length] ?? 'continuous',
    attempt: recipe.attempt,
    issuedAt,
  };
}

/** Replaces one field of a token (fields run between `|`, `/` and `.`). */
function changeField(token: string, pick: number, value: string): string {
  const parts = token.split(/([|/.])/);
  const fields = parts.flatMap((_part, index) => (index % 2 === 0 ? [index] : []));
  const at = fields[pick % fields.length] ?? 0;
  parts[at] = value;
  return parts.join('');
}

/** The token a recipe describes, for this request. */
export function tokenFor(recipe: TokenRecipe, world: PlayerWorld): unknown {
  switch (recipe.kind) {
    case 'issued': {
      const { issued } = world;
      const token = issued[issued.length - 1 - (recipe.back % Math.max(issued.length, 1))];
      return token ?? buildAudioToken(itemOf(recipe.fallback, world.now), world.renderVersion);
    }
    case 'valid':
      return buildAudioToken(itemOf(recipe.item, world.now), recipe.render ?? world.renderVersion);
    case 'near':
      return changeField(
        buildAudioToken(itemOf(recipe.item, world.now), world.renderVersion),
        recipe.field,
        recipe.value,
      );
    case 'foreign':
    case 'odd':
      return jsonCopy(recipe.value);
  }
}

function offsetFor(recipe: OffsetRecipe, token: unknown, world: PlayerWorld): { value?: unknown } {
  switch (recipe.kind) {
    case 'within': {
      const ms = (typeof token === 'string' ? world.fileMs(token) : undefined) ?? 120_000;
      return { value: Math.round(recipe.fraction * ms) };
    }
    case 'value':
      return { value: jsonCopy(recipe.value) };
    case 'missing':
      return {};
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Declares the device's audio player in supportedInterfaces, or takes it out, in place. */
export function declareAudioPlayer(envelope: RequestEnvelope, on: boolean): void {
  const device = record(record(record(envelope.context)?.System)?.device);
  if (device === undefined) return;
  const interfaces = record(device.supportedInterfaces) ?? {};
  device.supportedInterfaces = interfaces;
  if (on) interfaces.AudioPlayer = {};
  else delete interfaces.AudioPlayer;
}

/**
 * Puts what a player recipe describes into an envelope, in place: the device's audio player in
 * supportedInterfaces, context.AudioPlayer, and an AudioPlayer event's token and offset.
 */
export function applyPlayer(envelope: RequestEnvelope, recipe: PlayerRecipe, world: PlayerWorld): void {
  const context = record(envelope.context);
  const request = record(envelope.request);
  if (context === undefined || request === undefined) return;
  declareAudioPlayer(envelope, recipe.device ?? world.device);
  const player = recipe.context;
  if (player.kind === 'absent') delete context.AudioPlayer;
  else if (player.kind === 'odd') context.AudioPlayer = jsonCopy(player.value);
  else {
    const token = player.token === null ? undefined : tokenFor(player.token, world);
    const offset = offsetFor(player.offset, token, world);
    context.AudioPlayer = {
      ...(token !== undefined ? { token } : {}),
      ...('value' in offset ? { offsetInMilliseconds: offset.value } : {}),
      ...(player.activity !== null ? { playerActivity: jsonCopy(player.activity.value) } : {}),
    };
  }
  if (typeof request.type === 'string' && request.type.startsWith('AudioPlayer.')) {
    const token = recipe.event.token === null ? undefined : tokenFor(recipe.event.token, world);
    const offset = offsetFor(recipe.event.offset, token, world);
    if (token === undefined) delete request.token;
    else request.token = token;
    if ('value' in offset) request.offsetInMilliseconds = offset.value;
    else delete request.offsetInMilliseconds;
  }
}
