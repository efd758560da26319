/**
 * dynalite in its own Node process, keeping its data in a LevelDB directory, so the load runner
 * can measure its CPU apart from the handler's, and kill it (SIGKILL, as a crash) and start it
 * again on the same port and data: what users wrote before the crash must still be there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';

/** The child: dynalite on 127.0.0.1:PORT with its data in DATA_DIR; says "ready" on stdout. */
const CHILD_SOURCE = `
const dynalite = require('dynalite');
const server = dynalite({ path: process.env.DATA_DIR, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\\n'));
`;

/** A free loopback port, found by listening on port 0 once. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** CPU seconds (user + system) a process has used, from /proc (Linux); undefined elsewhere. */
export function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return ticks / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

export class DynaliteProcess {
  private child: ChildProcess | undefined;
  /** CPU seconds of the processes already stopped. */
  private spentCpu = 0;
  restarts = 0;

  constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly cwd: string,
  ) {}

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts the server and waits until it listens. */
  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(process.execPath, ['-e', CHILD_SOURCE], {
      cwd: this.cwd,
      env: { ...process.env, PORT: String(this.port), DATA_DIR: this.dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    await new Promise<void>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`dynalite exited (${code}) before listening: ${errors}`));
      child.once('exit', onExit);
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) {
          child.off('exit', onExit);
          resolve();
        }
      });
    });
  }

  /** Kills the server at once, as a crash would: open connections are reset. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.spentCpu += cpuSecondsOf(child.pid) ?? 0;
    this.child = undefined;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** Kill, then start again on the same port and data directory. */
  async restart(): Promise<void> {
    await this.kill();
    this.restarts += 1;
    await this.start();
  }

  /** CPU seconds all of this server's processes have used so far. */
  cpuSeconds(): number {
    return this.spentCpu + (cpuSecondsOf(this.child?.pid) ?? 0);
  }

  /** Stops it for good (SIGTERM lets LevelDB close). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
