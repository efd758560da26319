/**
 * The Polly engine through the real SDK client, over HTTP/2 on loopback to the Polly stand-in: what
 * it sends, what it makes of the answer, and how it behaves when Polly throttles, fails or hangs.
 */
import { SPEECH_RATE_FACTOR } from '../../lambda/core/preferences';
import {
  billedCharacters,
  createPollyEngine,
  DEFAULT_BURST,
  DEFAULT_REQUESTS_PER_SECOND,
  type PollyEngine,
  PollyEngineError,
  type PollyEngineProps,
  PollyTextTooLongError,
  pollySsml,
  TokenBucket,
} from '../../tools/render/polly-engine';
import { type PollyStandIn, ssmlText, standInTone, startPollyStandIn } from '../support/polly-stand-in';

const CREDENTIALS = { accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in-secret' };

let standIn: PollyStandIn;
const engines: PollyEngine[] = [];

/** An engine pointed at the stand-in, with backoff a thousand times shorter than the SDK's. */
function engine(props: PollyEngineProps = {}): PollyEngine {
  const created = createPollyEngine({
    endpoint: standIn.endpoint,
    region: 'us-east-1',
    credentials: CREDENTIALS,
    requestsPerSecond: 1000,
    burst: 1000,
    backoff: { scale: 0.001 },
    ...props,
  });
  engines.push(created);
  return created;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

beforeEach(async () => {
  standIn = await startPollyStandIn();
});

afterEach(async () => {
  await Promise.all(engines.splice(0).map((created) => created.close?.()));
  await standIn.close();
});

describe('Polly engine: requests', () => {
  it('asks for the neural engine, the voice, 16 kHz PCM and SSML, signed with the given credentials', async () => {
    await engine({ voice: 'Matthew' }).synthesize({ text: 'Warm a little lotion.', rate: 'normal' });

    const [request] = standIn.requests;
    expect(request?.path).toBe('/v1/speech');
    expect(request?.body).toEqual({
      Engine: 'neural',
      VoiceId: 'Matthew',
      OutputFormat: 'pcm',
      SampleRate: '16000',
      TextType: 'ssml',
      Text: '<speak>Warm a little lotion.</speak>',
    });
    expect(request?.accessKeyId).toBe('AKIDSTANDIN');
    expect(request?.signingService).toBe('polly');
  });

  it('speaks the slower rate as SSML prosody at the core speech rate factor', async () => {
    await engine().synthesize({ text: 'Slow, sure strokes.', rate: 'slower' });

    const percent = `${Math.round(SPEECH_RATE_FACTOR.slower * 100)}%`;
    expect(percent).toBe('85%');
    expect(standIn.requests[0]?.text).toBe(`<speak><prosody rate="${percent}">Slow, sure strokes.</prosody></speak>`);
  });

  it('escapes the text for SSML, so Polly reads back exactly the line', async () => {
    const line = `Tom & Jerry's "easy" <3 > nothing`;

    await engine().synthesize({ text: line, rate: 'slower' });

    const [request] = standIn.requests;
    expect(request?.outcome).toBe('audio');
    expect(request?.text).toContain('Tom &amp; Jerry&apos;s &quot;easy&quot; &lt;3 &gt; nothing');
    expect(ssmlText(request?.text ?? '')).toBe(line);
  });

  it('names engine, voice and format in its voice id, so a change renders anew', () => {
    const joanna = createPollyEngine({ endpoint: 'http://127.0.0.1:1', credentials: CREDENTIALS });
    const ruth = createPollyEngine({ endpoint: 'http://127.0.0.1:1', credentials: CREDENTIALS, voice: 'Ruth' });
    engines.push(joanna, ruth);

    expect(joanna.name).toBe('polly');
    expect(joanna.voiceId).toBe('polly/neural/Joanna/pcm-16000');
    expect(ruth.voiceId).toBe('polly/neural/Ruth/pcm-16000');
  });
});

describe('Polly engine: answers', () => {
  it('decodes the PCM as 16 kHz signed 16-bit little-endian samples', async () => {
    const line = 'Long, slow strokes, from toes to ankle.';

    const pcm = await engine().synthesize({ text: line, rate: 'normal' });

    expect(pcm.sampleRate).toBe(16000);
    expect(pcm.samples).toEqual(standInTone(line.length, 16000));
    expect(Math.min(...pcm.samples)).toBeLessThan(-10_000);
  });

  it.each([
    // 'Broken.': 7 characters × 10 ms at 16 kHz = 1,120 samples, 2,240 bytes, and one more.
    ['halfSample', /2241 bytes of PCM, not whole 16-bit samples/],
    ['wrongType', /audio\/mpeg, not audio\/pcm/],
  ] as const)('refuses a broken answer (%s) without retrying it', async (fault, message) => {
    standIn.failCall(1, fault);

    const error = await rejection(engine().synthesize({ text: 'Broken.', rate: 'normal' }));

    expect(error).toBeInstanceOf(PollyEngineError);
    expect(error.message).toMatch(message);
    expect(standIn.requests).toHaveLength(1);
  });

  it('counts the characters Polly bills, as Polly reports them, and the calls made', async () => {
    const created = engine();
    standIn.throttleNext(1);

    await created.synthesize({ text: 'Ask her how the pressure feels.', rate: 'normal' });
    await created.synthesize({ text: 'Tom & Jerry', rate: 'slower' });

    expect(created.usage()).toEqual({ requests: 2, attempts: 3, billedCharacters: 31 + 11 });
  });
});

describe('Polly engine: retries', () => {
  it('retries throttling until Polly answers', async () => {
    const created = engine();
    standIn.throttleNext(3);

    const pcm = await created.synthesize({ text: 'Toes to ankle again.', rate: 'normal' });

    expect(pcm.samples.length).toBeGreaterThan(0);
    expect(standIn.requests.map((request) => request.outcome)).toEqual([
      'ThrottlingException',
      'ThrottlingException',
      'ThrottlingException',
      'audio',
    ]);
    expect(new Set(standIn.requests.map((request) => request.text)).size).toBe(1);
  });

  it('gives up after maxAttempts throttled calls and says why', async () => {
    standIn.throttleNext(10);

    const error = await rejection(engine({ maxAttempts: 3 }).synthesize({ text: 'Too busy.', rate: 'normal' }));

    expect(error).toBeInstanceOf(PollyEngineError);
    expect(error.message).toMatch(/ThrottlingException/);
    expect((error.cause as Error).name).toBe('ThrottlingException');
    expect(standIn.requests).toHaveLength(3);
  });

  it.each(['ServiceFailureException', 'reset'] as const)('retries after %s', async (fault) => {
    standIn.failCall(1, fault);

    await engine().synthesize({ text: 'One thumb after the other.', rate: 'normal' });

    expect(standIn.requests.map((request) => request.outcome)).toEqual([fault, 'audio']);
  });

  it('retries a call that hangs, once the request timeout has passed', async () => {
    standIn.hangCall(1);

    await engine({ requestTimeoutMs: 200 }).synthesize({ text: 'Still there?', rate: 'normal' });

    expect(standIn.requests.map((request) => request.outcome)).toEqual(['hang', 'audio']);
  });

  it.each(['InvalidSsmlException', 'TextLengthExceededException', 'ValidationException'] as const)(
    'does not retry %s (400)',
    async (fault) => {
      standIn.failCall(1, fault);

      const error = await rejection(engine().synthesize({ text: 'Rejected.', rate: 'normal' }));

      expect((error.cause as Error).name).toBe(fault);
      expect(standIn.requests).toHaveLength(1);
    },
  );

  it('does not retry a voice that has no neural engine: the request as sent is at fault', async () => {
    const error = await rejection(engine({ voice: 'Nobody' }).synthesize({ text: 'Hello.', rate: 'normal' }));

    expect((error.cause as Error).name).toBe('EngineNotSupportedException');
    expect(standIn.requests).toHaveLength(1);
  });
});

/**
 * Every run of requests that arrived closer together than the bucket allows (burst + rate × window).
 * The slack allows for the time between a request leaving the client and reaching the stand-in.
 */
function overLimit(times: readonly number[], perSecond: number, burst: number, slackMs: number): string[] {
  const sorted = [...times].sort((a, b) => a - b);
  const breaches: string[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    for (let j = i + 1; j < sorted.length; j += 1) {
      const windowMs = (sorted[j] as number) - (sorted[i] as number) + slackMs;
      const allowed = burst + Math.floor((windowMs / 1000) * perSecond);
      if (j - i + 1 > allowed) breaches.push(`${j - i + 1} requests in ${windowMs.toFixed(0)} ms (allowed ${allowed})`);
    }
  }
  return breaches;
}

describe('Polly engine: rate limit', () => {
  it('defaults to at most 8 requests in any second, the neural voices quota', () => {
    expect(DEFAULT_BURST + DEFAULT_REQUESTS_PER_SECOND).toBeLessThanOrEqual(8);
  });

  it('starts no more requests than the token bucket allows, however many are asked for at once', async () => {
    const created = engine({ requestsPerSecond: 25, burst: 2 });
    // The first call sets the client up (credentials, endpoint); after it the bucket fills again.
    await created.synthesize({ text: 'Warm up.', rate: 'normal' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const lines = Array.from({ length: 14 }, (_, i) => `Line ${i}.`);

    const started = performance.now();
    await Promise.all(lines.map((text) => created.synthesize({ text, rate: 'normal' })));

    const times = standIn.requests.slice(1).map((request) => request.at);
    expect(times).toHaveLength(14);
    expect(overLimit(times, 25, 2, 15)).toEqual([]);
    // 12 requests past the burst at 25 a second cannot all start within 480 ms.
    expect(Math.max(...times) - started).toBeGreaterThanOrEqual(440);
  });

  it('makes retries wait for the bucket too', async () => {
    standIn.throttleNext(3);

    await engine({ requestsPerSecond: 10, burst: 1, backoff: { scale: 0 } }).synthesize({
      text: 'Retry in turn.',
      rate: 'normal',
    });

    const times = standIn.requests.map((request) => request.at);
    expect(times).toHaveLength(4);
    expect(overLimit(times, 10, 1, 15)).toEqual([]);
  });

  it('refuses a rate below one token or a burst below one', () => {
    expect(() => new TokenBucket(0, 1)).toThrow(RangeError);
    expect(() => new TokenBucket(1, 0.5)).toThrow(RangeError);
  });
});

describe('Polly engine: abort', () => {
  it('stops a call that hangs when the signal aborts', async () => {
    standIn.hangCall(1);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);

    const started = performance.now();
    const error = await rejection(engine().synthesize({ text: 'Waiting.', rate: 'normal' }, controller.signal));

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(standIn.requests).toHaveLength(1);
  });

  it('stops during a retry backoff, without another call', async () => {
    standIn.throttleNext(5);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    // The SDK's first throttling backoff is up to 1 s; random 1 makes it the whole second.
    const created = engine({ backoff: { scale: 1, random: () => 0.999 } });

    const started = performance.now();
    const error = await rejection(created.synthesize({ text: 'Backing off.', rate: 'normal' }, controller.signal));

    expect(error.name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(700);
    expect(standIn.requests).toHaveLength(1);
  });

  it('stops while waiting for the rate limit, and hands its turn back', async () => {
    const created = engine({ requestsPerSecond: 2, burst: 1 });
    await created.synthesize({ text: 'First.', rate: 'normal' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);

    const started = performance.now();
    const error = await rejection(created.synthesize({ text: 'Second.', rate: 'normal' }, controller.signal));

    expect(error.name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(300);
    await created.synthesize({ text: 'Third.', rate: 'normal' });
    expect(standIn.requests.map((request) => request.text)).toEqual(['<speak>First.</speak>', '<speak>Third.</speak>']);
  });

  it('rejects as an AbortError, with the reason given, when aborted with a reason of its own', async () => {
    standIn.hangCall(1);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('render interrupted')), 50);

    const error = await rejection(engine().synthesize({ text: 'Waiting.', rate: 'normal' }, controller.signal));

    expect(error.name).toBe('AbortError');
    expect((error.cause as Error).message).toBe('render interrupted');
  });

  it('sends nothing when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();

    const error = await rejection(engine().synthesize({ text: 'Never sent.', rate: 'normal' }, controller.signal));

    expect(error.name).toBe('AbortError');
    expect(standIn.requests).toEqual([]);
  });
});

describe('Polly engine: limits', () => {
  it('takes a line of exactly 3,000 billed characters', async () => {
    const created = engine();

    await created.synthesize({ text: 'a'.repeat(3000), rate: 'slower' });

    expect(standIn.requests[0]?.outcome).toBe('audio');
    expect(created.usage().billedCharacters).toBe(3000);
  });

  it('refuses a line over 3,000 billed characters before any call', async () => {
    const error = await rejection(engine().synthesize({ text: 'a'.repeat(3001), rate: 'normal' }));

    expect(error).toBeInstanceOf(PollyTextTooLongError);
    expect(error.message).toMatch(/3001 billed characters.*at most 3000/);
    expect(standIn.requests).toEqual([]);
  });

  it('refuses a line whose SSML is over 6,000 characters before any call', async () => {
    // 1,250 ampersands bill 1,250 characters but escape to 6,250.
    const error = await rejection(engine().synthesize({ text: '&'.repeat(1250), rate: 'normal' }));

    expect(error).toBeInstanceOf(PollyTextTooLongError);
    expect(error.message).toMatch(/6265 characters as SSML.*at most 6000/);
    expect(standIn.requests).toEqual([]);
  });

  it('counts billed characters without tags, an entity as one', () => {
    expect(billedCharacters(pollySsml('Tom & <Jerry>', 'slower'))).toBe(13);
  });
});
