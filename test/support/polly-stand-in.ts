/**
 * A stand-in for Amazon Polly: a real HTTP/2 server on loopback (cleartext; the Polly client talks
 * HTTP/2, as it does to Polly itself) that answers SynthesizeSpeech (POST /v1/speech, restJson1) as
 * the SDK client expects. It checks a request as Polly would (output
 * format and sample rate, voice and engine, well-formed SSML, the length limits), answers with a tone
 * whose length follows the billed characters and the prosody rate, and sends errors the way Polly
 * does: the error code in x-amzn-ErrorType, a JSON message, 400 or 500. Faults can be scripted by call
 * number, and every request is logged with the time it arrived.
 */
import { createServer, type Http2ServerRequest, type Http2ServerResponse, type Http2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';

/** The errors Polly's SynthesizeSpeech sends, with their HTTP status. */
export const POLLY_ERRORS = {
  ThrottlingException: 400,
  ServiceFailureException: 500,
  TextLengthExceededException: 400,
  InvalidSsmlException: 400,
  InvalidSampleRateException: 400,
  EngineNotSupportedException: 400,
  ValidationException: 400,
  SerializationException: 400,
  UnknownOperationException: 404,
} as const;
export type PollyErrorCode = keyof typeof POLLY_ERRORS;

/**
 * What a scripted call does instead of answering with audio: an error, no answer (hang), a dropped
 * connection (reset), or a broken answer: audio with half a sample at the end, or MP3 for PCM.
 */
export type PollyFault = PollyErrorCode | 'hang' | 'reset' | 'halfSample' | 'wrongType';

/** Neural en-US voices (a subset) that the stand-in accepts with Engine "neural". */
const NEURAL_EN_US_VOICES = new Set([
  'Danielle',
  'Gregory',
  'Ivy',
  'Joanna',
  'Joey',
  'Justin',
  'Kendra',
  'Kevin',
  'Kimberly',
  'Matthew',
  'Ruth',
  'Salli',
  'Stephen',
]);
const MAX_BILLED = 3000;
const MAX_TOTAL = 6000;

/** Milliseconds of tone per billed character at the voice's normal rate. */
export const STAND_IN_MS_PER_CHARACTER = 10;
const TONE_HZ = 440;
const TONE_AMPLITUDE = 12_000;

export interface StandInRequest {
  /** 1-based, in the order requests arrived. */
  readonly call: number;
  /** performance.now() when the request arrived. */
  readonly at: number;
  readonly method: string;
  readonly path: string;
  /** The JSON body, as sent. */
  readonly body: Record<string, unknown>;
  readonly text: string;
  /** The access key id the request was signed with, from its Authorization header. */
  readonly accessKeyId: string | undefined;
  /** The service name in the signature's credential scope ("polly"). */
  readonly signingService: string | undefined;
  readonly outcome: 'audio' | PollyFault;
}

export interface PollyStandIn {
  /** http://127.0.0.1:port, for the client's endpoint (HTTP/2 without TLS, as the client speaks to an http URL). */
  readonly endpoint: string;
  /** Every request received, in order. */
  readonly requests: readonly StandInRequest[];
  /** The next n calls get ThrottlingException. */
  throttleNext(n: number): void;
  /** Call number `call` (and the `times - 1` after it) gets this fault. */
  failCall(call: number, fault: PollyFault, times?: number): void;
  /** Call number `call` gets no answer until the client gives up or the stand-in closes. */
  hangCall(call: number): void;
  close(): Promise<void>;
}

/** Text of an SSML document as Polly bills it: tags dropped, entities one character each. */
export function ssmlText(ssml: string): string {
  return ssml
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Well-formed enough for Polly: one <speak> root, tags nested and closed, every & an entity. */
export function isWellFormedSsml(ssml: string): boolean {
  if (!/^<speak>[\s\S]*<\/speak>$/.test(ssml)) return false;
  if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(ssml)) return false;
  const open: string[] = [];
  for (const tag of ssml.matchAll(/<(\/?)([a-z:-]+)[^<>]*?(\/?)>|[<>]/g)) {
    const [whole, closing, name, selfClosing] = tag;
    if (whole === '<' || whole === '>') return false;
    if (selfClosing) continue;
    if (closing) {
      if (open.pop() !== name) return false;
    } else {
      open.push(name ?? '');
    }
  }
  return open.length === 0;
}

/** The prosody rate of a document as a factor (1 without one). */
function prosodyFactor(ssml: string): number {
  const percent = /<prosody rate="(\d+)%">/.exec(ssml)?.[1];
  return percent === undefined ? 1 : Number(percent) / 100;
}

/** The tone the stand-in answers with: its length follows the billed characters and the rate. */
export function standInTone(billedCharacters: number, sampleRate: number, rateFactor = 1): Int16Array {
  const count = Math.round((billedCharacters * STAND_IN_MS_PER_CHARACTER * sampleRate) / 1000 / rateFactor);
  const samples = new Int16Array(count);
  for (let n = 0; n < count; n += 1) {
    samples[n] = Math.round(TONE_AMPLITUDE * Math.sin((2 * Math.PI * TONE_HZ * n) / sampleRate));
  }
  return samples;
}

function pcmBytes(samples: Int16Array): Buffer {
  const bytes = Buffer.alloc(samples.length * 2);
  samples.forEach((sample, i) => {
    bytes.writeInt16LE(sample, i * 2);
  });
  return bytes;
}

function sendError(res: Http2ServerResponse, code: PollyErrorCode, message: string): void {
  const body = JSON.stringify({ message });
  res.writeHead(POLLY_ERRORS[code], {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-ErrorType': code,
    'x-amzn-RequestId': `stand-in-${Date.now()}`,
  });
  res.end(body);
}

/** Checks a request as Polly would; undefined when it may be synthesised. */
function validate(body: Record<string, unknown>): [PollyErrorCode, string] | undefined {
  const { Engine, OutputFormat, SampleRate, Text, TextType, VoiceId } = body;
  if (typeof Text !== 'string' || typeof VoiceId !== 'string' || typeof OutputFormat !== 'string') {
    return ['ValidationException', 'Text, VoiceId and OutputFormat are required'];
  }
  if (!['json', 'mp3', 'ogg_vorbis', 'pcm'].includes(OutputFormat)) {
    return ['ValidationException', `OutputFormat ${OutputFormat} is not one of json, mp3, ogg_vorbis, pcm`];
  }
  if (OutputFormat === 'pcm' && SampleRate !== undefined && SampleRate !== '8000' && SampleRate !== '16000') {
    return ['InvalidSampleRateException', `${String(SampleRate)} is not a valid sample rate for pcm`];
  }
  if (Engine === 'neural' && !NEURAL_EN_US_VOICES.has(VoiceId)) {
    return ['EngineNotSupportedException', `voice ${VoiceId} is not available with the neural engine`];
  }
  if (TextType === 'ssml' && !isWellFormedSsml(Text)) return ['InvalidSsmlException', 'Invalid SSML request'];
  const billed = TextType === 'ssml' ? ssmlText(Text).length : Text.length;
  if (billed > MAX_BILLED || Text.length > MAX_TOTAL) {
    return [
      'TextLengthExceededException',
      `Maximum text length has been exceeded (${billed} billed, ${Text.length} in all)`,
    ];
  }
  return undefined;
}

function signature(req: Http2ServerRequest): { accessKeyId?: string; service?: string } {
  const credential = /Credential=([^/]+)\/[^/]+\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? '');
  return credential ? { accessKeyId: credential[1] ?? '', service: credential[2] ?? '' } : {};
}

async function readBody(req: Http2ServerRequest): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startPollyStandIn(): Promise<PollyStandIn> {
  const log: StandInRequest[] = [];
  let arrived = 0;
  const faults = new Map<number, PollyFault>();
  const hanging = new Set<Http2ServerResponse>();
  const sessions = new Set<Http2Session>();
  let throttle = 0;

  const server = createServer(async (req, res) => {
    const at = performance.now();
    // Numbered on arrival, before its body has come in.
    arrived += 1;
    const call = arrived;
    const raw = await readBody(req);
    let body: Record<string, unknown> = {};
    let parsed = true;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      parsed = false;
    }
    let outcome: StandInRequest['outcome'] = faults.get(call) ?? 'audio';
    if (outcome === 'audio' && throttle > 0) {
      throttle -= 1;
      outcome = 'ThrottlingException';
    }
    const route = req.method === 'POST' && req.url === '/v1/speech';
    const invalid = !route
      ? (['UnknownOperationException', `no operation at ${req.method} ${req.url}`] as const)
      : !parsed
        ? (['SerializationException', 'the body is not JSON'] as const)
        : validate(body);
    if (outcome === 'audio' && invalid) outcome = invalid[0];
    const { accessKeyId, service } = signature(req);
    log.push({
      call,
      at,
      method: req.method ?? '',
      path: req.url ?? '',
      body,
      text: typeof body.Text === 'string' ? body.Text : '',
      accessKeyId,
      signingService: service,
      outcome,
    });

    if (outcome === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (outcome === 'reset') {
      // The connection drops with the request unanswered.
      req.stream.session?.destroy();
      return;
    }
    if (outcome !== 'audio' && outcome !== 'halfSample' && outcome !== 'wrongType') {
      sendError(res, outcome, invalid?.[0] === outcome ? invalid[1] : `scripted ${outcome}`);
      return;
    }
    const text = body.Text as string;
    const billed = body.TextType === 'ssml' ? ssmlText(text).length : text.length;
    const sampleRate = Number(body.SampleRate ?? 16000);
    const tone = pcmBytes(standInTone(billed, sampleRate, prosodyFactor(text)));
    const audio = outcome === 'halfSample' ? Buffer.concat([tone, Buffer.of(0)]) : tone;
    res.writeHead(200, {
      'Content-Type': body.OutputFormat === 'pcm' && outcome !== 'wrongType' ? 'audio/pcm' : 'audio/mpeg',
      'Content-Length': audio.byteLength,
      'x-amzn-RequestCharacters': String(billed),
      'x-amzn-RequestId': `stand-in-${call}`,
    });
    res.end(audio);
  });

  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    get requests() {
      return [...log].sort((a, b) => a.call - b.call);
    },
    throttleNext(n) {
      throttle += n;
    },
    failCall(call, fault, times = 1) {
      for (let i = 0; i < times; i += 1) faults.set(call + i, fault);
    },
    hangCall(call) {
      faults.set(call, 'hang');
    },
    async close() {
      for (const res of hanging) res.stream.close();
      for (const session of sessions) session.destroy();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
