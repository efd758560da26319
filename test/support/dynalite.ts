/**
 * An in-memory dynalite server on loopback for integration tests: the real DynamoDB wire protocol,
 * no AWS account. A free port is chosen unless one is given.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface RunningDynalite {
  /** `http://127.0.0.1:<port>`, for the client's `endpoint`. */
  readonly endpoint: string;
  readonly port: number;
  /** Closes the server and every open connection (clients see refused or reset connections). */
  stop(): Promise<void>;
  /**
   * Listens again on the same port after stop(). Without `path` the data starts empty; with it, the
   * data written before stop() is back, as after a restart of a server that keeps it on disk.
   */
  restart(): Promise<void>;
}

export interface StartDynaliteOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** A directory to keep the data in, so it outlives stop(). @default in memory */
  readonly path?: string;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets would otherwise keep serving after close().
    server.closeAllConnections();
  });
}

export async function startDynalite(options: StartDynaliteOptions = {}): Promise<RunningDynalite> {
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path !== undefined ? { path: options.path } : {}),
  });
  const port = await listen(server, options.port ?? 0);
  let listening = true;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      if (!listening) return;
      listening = false;
      await close(server);
    },
    async restart() {
      if (listening) return;
      await listen(server, port);
      listening = true;
    },
  };
}
