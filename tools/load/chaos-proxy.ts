/**
 * A loopback HTTP proxy between the skill's DynamoDB client and dynalite that, while chaos is on,
 * breaks some requests the way DynamoDB and networks do:
 * - `throttle`: 400 ProvisionedThroughputExceededException, `throttling`: 400 ThrottlingException,
 *   `server`: 500 InternalServerError, each as DynamoDB sends them (x-amz-json-1.0 with `__type`),
 *   and the request never reaches the table;
 * - `slowRequest`: the request waits before it is forwarded (it may land after the client gave up
 *   and retried: a late, stale conditional write);
 * - `slowResponse`: the request is applied but its answer waits (the client may time out on a write
 *   that happened: the ambiguous case the update ids exist for);
 * - `resetBefore` / `resetAfter`: the connection is reset before forwarding, or after the table
 *   applied the request.
 * A server that is down (dynalite killed) resets the client's connection, as an unreachable
 * endpoint would. Choices come from a seeded generator, so a run can be replayed.
 */
import { Agent, createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ChaosAction =
  | 'pass'
  | 'throttle'
  | 'throttling'
  | 'server'
  | 'slowRequest'
  | 'slowResponse'
  | 'resetBefore'
  | 'resetAfter'
  | 'down';

/** Chance of each fault per request while chaos is on; the rest pass. */
export const CHAOS_RATES: Readonly<Record<Exclude<ChaosAction, 'pass' | 'down'>, number>> = {
  throttle: 0.02,
  throttling: 0.01,
  server: 0.015,
  slowRequest: 0.02,
  slowResponse: 0.02,
  resetBefore: 0.01,
  resetAfter: 0.01,
};

/** A slow request or answer waits this long at most: beyond the client's 1 s request timeout. */
export const MAX_INJECTED_DELAY_MS = 1_600;

const ERROR_BODIES = {
  throttle: {
    status: 400,
    type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    message:
      'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
  },
  throttling: {
    status: 400,
    type: 'com.amazon.coral.availability#ThrottlingException',
    message: 'Rate of requests exceeds the allowed throughput.',
  },
  server: {
    status: 500,
    type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
    message: 'Internal server error',
  },
} as const;

export class ChaosProxy {
  /** Faults are injected only while this is true. */
  chaos = false;
  readonly counts: Record<ChaosAction, number> = {
    pass: 0,
    throttle: 0,
    throttling: 0,
    server: 0,
    slowRequest: 0,
    slowResponse: 0,
    resetBefore: 0,
    resetAfter: 0,
    down: 0,
  };
  private server: Server | undefined;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  private port = 0;

  constructor(
    private readonly targetPort: number,
    private readonly rng: () => number,
  ) {}

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void this.handle(req, res, Buffer.concat(chunks));
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.agent.destroy();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private choose(): ChaosAction {
    if (!this.chaos) return 'pass';
    let roll = this.rng();
    for (const [action, rate] of Object.entries(CHAOS_RATES) as [ChaosAction, number][]) {
      if (roll < rate) return action;
      roll -= rate;
    }
    return 'pass';
  }

  private delay(): Promise<void> {
    const ms = 100 + Math.floor(this.rng() * (MAX_INJECTED_DELAY_MS - 100));
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  private async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const action = this.choose();
    if (action !== 'pass') this.counts[action] += 1;
    if (action === 'throttle' || action === 'throttling' || action === 'server') {
      const error = ERROR_BODIES[action];
      const payload = JSON.stringify({ __type: error.type, message: error.message });
      res.writeHead(error.status, {
        'content-type': 'application/x-amz-json-1.0',
        'content-length': Buffer.byteLength(payload),
        'x-amzn-requestid': `chaos-${Date.now().toString(36)}`,
      });
      res.end(payload);
      return;
    }
    if (action === 'resetBefore') {
      req.socket.destroy();
      return;
    }
    if (action === 'slowRequest') await this.delay();
    let answer: { status: number; headers: IncomingMessage['headers']; body: Buffer };
    try {
      answer = await this.forward(req, body);
    } catch {
      // The table's server is down: the client sees its connection reset.
      this.counts.down += 1;
      req.socket.destroy();
      return;
    }
    if (action === 'pass') this.counts.pass += 1;
    if (action === 'resetAfter') {
      req.socket.destroy();
      return;
    }
    if (action === 'slowResponse') await this.delay();
    if (res.destroyed || req.socket.destroyed) return;
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }

  private forward(
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const upstream = request(
        {
          host: '127.0.0.1',
          port: this.targetPort,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: `127.0.0.1:${this.targetPort}` },
          agent: this.agent,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }),
          );
          response.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
}
