/**
 * Fuzz: the real handler, with the skill id check on and an in-memory store, driven by chains of
 * random envelopes of every request type, well-formed and malformed, each carrying the session
 * attributes of an earlier answer (sometimes changed). For every envelope:
 * - the handler throws only for an envelope that names another skill;
 * - the answer is valid for the request type, its SSML well-formed XML within the limits (8,000
 *   characters, breaks of 10 s at most, 240 s by the project's estimate, 120 KB in all), with no
 *   internal text in what Alexa says;
 * - no place is lost (see `placeProblems`).
 *
 * `npm test` runs FUZZ_RUNS chains (default 5,000) from a fixed FUZZ_SEED; `npm run fuzz` runs
 * 100,000, and FUZZ_SEED=random picks a new seed (printed when a run fails, to replay it).
 */
import { isDeepStrictEqual } from 'node:util';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import fc from 'fast-check';
import { lines } from '../../lambda/content/lines';
import { ROUTINE_IDS } from '../../lambda/core/catalogue';
import type { LogFields, Logger } from '../../lambda/log';
import { createDynamoClient } from '../../lambda/persistence/dynamo-client';
import { DynamoUserStore } from '../../lambda/persistence/dynamo-store';
import { MemoryUserStore } from '../../lambda/persistence/memory-store';
import type { StoredProfile, UserStore } from '../../lambda/persistence/user-store';
import { createHandler, type LambdaHandler } from '../../lambda/skill';
import { buildEnvelope, DEFAULT_SKILL_ID, type EnvelopeContext } from '../../tools/simulator/envelope';
import { type RunningDynalite, startDynalite } from '../support/dynalite';
import {
  type ChainRecipe,
  chainArbitrary,
  envelopeFor,
  jsonCopy,
  loadInteractionModel,
  mutate,
  type StepRecipe,
} from '../support/fuzz-envelopes';
import {
  answerProblems,
  internalTextProblems,
  slotValuesOf,
  speechOf,
  spokenText,
  ssmlProblems,
} from '../support/response-checks';

const RUNS = Number(process.env.FUZZ_RUNS ?? 5_000);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20_261_127);
/** Chains through the DynamoDB store: each request costs a few round trips to dynalite. */
const DYNAMO_RUNS = Math.max(1, Math.round(RUNS / 40));
/** Requests after the optional opening of a chain. */
const MAX_STEPS = 8;

const OTHER_SKILL_ID = 'amzn1.ask.skill.ffffffff-ffff-4fff-8fff-ffffffffffff';
const START_AT = Date.parse('2026-11-27T19:00:00Z');
const model = loadInteractionModel();

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = isObject(current) ? current[key] : undefined;
  return current;
}

/** The request type, read as the checks need it: a string or nothing. */
function typeOf(envelope: unknown): string | undefined {
  const type = field(envelope, 'request', 'type');
  return typeof type === 'string' ? type : undefined;
}

/** Whether the skill can run anything for the envelope at all (an object with a request type and an application). */
function readable(envelope: unknown): boolean {
  return (
    isObject(envelope) &&
    isObject(envelope.request) &&
    typeOf(envelope) !== undefined &&
    isObject(field(envelope, 'context', 'System', 'application'))
  );
}

const TURN_TYPES = new Set(['LaunchRequest', 'IntentRequest', 'SessionEndedRequest']);

/**
 * No place lost, checked on what the store holds before and after one request:
 * - a request that is not a turn (any other type, an envelope the skill cannot read, one for another
 *   skill) leaves the stored item exactly as it was; the one exception is SkillDisabled for this
 *   user with NOT_PERSISTED, which forgets the user;
 * - a turn (launch, intent, session end) never clears a paused place, except one that finishes a
 *   routine (the practice count goes up), or an intent that forgets the user on request.
 */
function placeProblems(
  userId: string,
  envelope: unknown,
  before: StoredProfile | undefined,
  after: StoredProfile | undefined,
  threw: boolean,
): string[] {
  const type = typeOf(envelope);
  const forgetsOnDisable =
    type === 'AlexaSkillEvent.SkillDisabled' &&
    field(envelope, 'request', 'body', 'userInformationPersistenceStatus') === 'NOT_PERSISTED' &&
    field(envelope, 'context', 'System', 'user', 'userId') === userId;
  const turn = !threw && readable(envelope) && TURN_TYPES.has(type ?? '');
  if (!turn) {
    if (forgetsOnDisable && after === undefined) return [];
    return isDeepStrictEqual(after, before) ? [] : [`a ${type ?? 'typeless'} request changed the stored item`];
  }
  if (before?.profile.paused == null) return [];
  if (after === undefined) {
    return type === 'IntentRequest' ? [] : [`a ${type} deleted the user`];
  }
  if (after.profile.paused !== null) return [];
  // A session that ends after the last step has played finishes the routine too.
  const finished = after.profile.history.sessionsFinished > before.profile.history.sessionsFinished;
  return finished ? [] : [`a ${type} cleared the paused place without finishing it`];
}

interface Recorded {
  readonly level: string;
  readonly event: string;
  readonly fields: LogFields;
}

class Chain {
  readonly logged: Recorded[] = [];
  readonly handler: LambdaHandler;
  clock = START_AT;
  sessionCount = 0;
  session: { id: string; isNew: boolean } | undefined;
  /** The session attributes of every answer so far, latest last. */
  readonly attributes: Record<string, unknown>[] = [];
  envelopes = 0;

  constructor(
    readonly store: UserStore,
    readonly userId: string,
    /** Attribute paths left as the skill wrote them (see TRUSTED_WRITE_BASE). */
    private readonly spare: (path: (string | number)[]) => boolean = () => false,
  ) {
    this.handler = createHandler({ store, skillId: DEFAULT_SKILL_ID, logger: this.logger() });
  }

  private logger(): Logger {
    const note =
      (level: string) =>
      (event: string, fields: LogFields = {}) =>
        this.logged.push({ level, event, fields });
    return { info: note('info'), warn: note('warn'), error: note('error') };
  }

  newSession(): { id: string; isNew: boolean } {
    this.sessionCount += 1;
    this.session = { id: `amzn1.echo-api.session.fuzz-${this.sessionCount}`, isNew: true };
    return this.session;
  }

  /** Sends one envelope and returns every problem with what happened. */
  async send(envelope: unknown): Promise<string[]> {
    this.envelopes += 1;
    const before = jsonCopy(await this.store.load(this.userId));
    const logFrom = this.logged.length;
    let reply: ResponseEnvelope | undefined;
    let thrown: unknown;
    try {
      reply = await this.handler(envelope as RequestEnvelope);
    } catch (error) {
      thrown = error;
    }
    const after = await this.store.load(this.userId);
    const type = typeOf(envelope);
    const foreign =
      readable(envelope) && field(envelope, 'context', 'System', 'application', 'applicationId') !== DEFAULT_SKILL_ID;
    const problems: string[] = [];
    if (thrown !== undefined && !foreign) problems.push(`threw ${(thrown as Error)?.stack ?? String(thrown)}`);
    if (thrown === undefined && foreign) problems.push('answered an envelope for another skill');
    problems.push(...placeProblems(this.userId, envelope, before, after, thrown !== undefined));
    if (reply === undefined) return problems;
    problems.push(...answerProblems(reply, type));
    const said = slotValuesOf(envelope);
    for (const ssml of speechOf(reply)) {
      problems.push(...ssmlProblems(ssml), ...internalTextProblems(spokenText(ssml), said));
    }
    const errors = this.logged.slice(logFrom).filter((line) => line.level === 'error');
    if (!readable(envelope) && !errors.some((line) => line.event === 'envelope_malformed')) {
      problems.push('an envelope the skill cannot read was answered without a logged error');
    }
    const apologised = speechOf(reply).some((ssml) => spokenText(ssml).includes(lines.error));
    if (apologised && errors.length === 0) problems.push('apologised without logging an error');
    this.remember(reply, type);
    return problems;
  }

  private remember(reply: ResponseEnvelope, type: string | undefined): void {
    if (isObject(reply.sessionAttributes)) this.attributes.push(reply.sessionAttributes);
    if (reply.response?.shouldEndSession === true || type === 'SessionEndedRequest') this.session = undefined;
    else if (this.session) this.session.isNew = false;
  }

  context(attributes: Record<string, unknown>, skillId = DEFAULT_SKILL_ID): EnvelopeContext {
    const session = this.session ?? this.newSession();
    return { userId: this.userId, sessionId: session.id, isNew: session.isNew, attributes, at: this.clock, skillId };
  }

  /** Builds and sends the envelope one step describes. */
  async step(step: StepRecipe): Promise<string[]> {
    if (step.timing.kind === 'after') this.clock += step.timing.seconds * 1000;
    else if (step.timing.kind === 'at') this.clock = step.timing.epochMs;
    let attributes: Record<string, unknown> = {};
    if (step.session.kind === 'new' || this.session === undefined) this.newSession();
    else attributes = jsonCopy(this.attributes[this.attributes.length - 1 - step.session.back] ?? {});
    const holder: Record<string, unknown> = { attributes };
    for (const change of step.attributeMutations) mutate(holder, change, this.spare);
    const ctx = {
      ...this.context(holder.attributes as Record<string, unknown>),
      ...(step.damage?.kind === 'foreignSkill' ? { skillId: OTHER_SKILL_ID } : {}),
    };
    let envelope: unknown = envelopeFor(step.request, ctx);
    if (step.timing.kind === 'raw')
      (envelope as { request: Record<string, unknown> }).request.timestamp = step.timing.value;
    const spareInEnvelope: Spare = (path) => path[0] === 'session' && this.spare(path.slice(1));
    for (const change of step.envelopeMutations) mutate(envelope, change, spareInEnvelope);
    if (step.damage?.kind === 'replace') envelope = step.damage.value;
    return this.send(envelope);
  }

  /** Launch, start a routine and say ready, as a user would. */
  async opening(routineId: string): Promise<string[]> {
    const routineSlot = {
      value: routineId,
      id: routineId,
    };
    const problems: string[] = [];
    problems.push(...(await this.send(buildEnvelope({ type: 'LaunchRequest' }, this.context({})))));
    for (const [intent, slots] of [
      ['StartRoutineIntent', { routine: routineSlot }],
      ['ReadyIntent', {}],
    ] as const) {
      this.clock += 5_000;
      const attributes = jsonCopy(this.attributes[this.attributes.length - 1] ?? {});
      problems.push(
        ...(await this.send(buildEnvelope({ type: 'IntentRequest', intent, slots }, this.context(attributes)))),
      );
    }
    return problems;
  }
}

async function runChain(recipe: ChainRecipe, store: UserStore, userId: string, spare?: Spare): Promise<number> {
  const chain = new Chain(store, userId, spare);
  if (recipe.pausedPlace) {
    const routineId = ROUTINE_IDS[recipe.pausedPlace.routine % ROUTINE_IDS.length] ?? 'foot';
    const place = { routineId, stepIndex: recipe.pausedPlace.stepIndex % 6, at: START_AT - 86_400_000 };
    await chain.store.save(userId, { id: 'fuzz-seed', paused: { place, at: place.at } });
  }
  const problems: string[] = [];
  if (recipe.startRoutine !== null) {
    problems.push(...(await chain.opening(ROUTINE_IDS[recipe.startRoutine % ROUTINE_IDS.length] ?? 'foot')));
  }
  for (const [index, step] of recipe.steps.entries()) {
    const found = await chain.step(step);
    if (found.length > 0) problems.push(`step ${index} (${step.request.type}): ${found.join('; ')}`);
    if (problems.length > 0) break;
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return chain.envelopes;
}

type Spare = (path: (string | number)[]) => boolean;

/**
 * The DynamoDB store writes conditionally on the item version and the profile the session last
 * read (the `stored` and `version` attributes), without reading again: that is the one-write turn.
 * So those two attributes are trusted as Alexa hands them back, and the DynamoDB run leaves them
 * whole: a `stored` changed at the same version would be written back over the item. The in-memory
 * run, whose store ignores the base, changes them like everything else.
 */
const TRUSTED_WRITE_BASE: Spare = (path) => path[0] === 'attributes' && (path[1] === 'stored' || path[1] === 'version');

let server: RunningDynalite;

beforeAll(async () => {
  server = await startDynalite();
});

afterAll(async () => {
  await server.stop();
});

/** Runs the property over chains, each with its own user, and reports how many envelopes it sent. */
async function fuzz(runs: number, seed: number, storeOf: () => UserStore, spare?: Spare): Promise<number> {
  let envelopes = 0;
  let chains = 0;
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(chainArbitrary(model, MAX_STEPS), async (recipe) => {
      chains += 1;
      envelopes += await runChain(recipe, storeOf(), `amzn1.ask.account.fuzz-${chains}`, spare);
    }),
    { numRuns: runs, seed, endOnFailure: runs > 10_000 },
  );
  // Shown so that a long run says what it covered.
  process.stdout.write(`fuzz: ${envelopes} envelopes in ${runs} chains, ${(Date.now() - started) / 1000} s\n`);
  return envelopes;
}

describe('fuzz: random and malformed envelopes of every request type', () => {
  it(
    `${RUNS} chains from seed ${SEED}, in-memory store: no throw, valid answers, clean speech, no place lost`,
    async () => {
      const envelopes = await fuzz(RUNS, SEED, () => new MemoryUserStore());
      expect(envelopes).toBeGreaterThanOrEqual(RUNS);
    },
    60_000 + RUNS * 100,
  );

  it(
    `${DYNAMO_RUNS} chains from seed ${SEED}, DynamoDB store on dynalite: the same`,
    async () => {
      const client = createDynamoClient({ AWS_REGION: 'us-east-1', DYNAMODB_ENDPOINT: server.endpoint });
      const store = new DynamoUserStore({ client, tableName: 'fuzz-users', createTableIfMissing: true });
      const envelopes = await fuzz(DYNAMO_RUNS, SEED, () => store, TRUSTED_WRITE_BASE);
      expect(envelopes).toBeGreaterThanOrEqual(DYNAMO_RUNS);
    },
    60_000 + DYNAMO_RUNS * 1_000,
  );
});
