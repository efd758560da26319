/** Minimal types for dynalite 4 (it ships none): a DynamoDB-compatible HTTP server. */
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** Directory for a LevelDB store; in memory when omitted. */
    path?: string;
    ssl?: boolean;
    /** How long tables stay CREATING, DELETING and UPDATING. @default 500 */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    /** @default 400 */
    maxItemSizeKb?: number;
    verbose?: boolean;
    debug?: boolean;
  }

  /** Returns an http.Server that is not listening yet. After close(), listen() starts with an empty store. */
  function dynalite(options?: DynaliteOptions): Server;
  export = dynalite;
}
