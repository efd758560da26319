/**
 * Figure 4: DynamoDB reads and writes the scripted sessions make, counted by the client middleware
 * (countCalls), beside the standard ask-sdk persistence pattern (one read and one write per turn).
 */
import { silentLogger } from '../../lambda/log';
import type { CallCounter } from '../../lambda/persistence/dynamo-client';
import type { UserStore } from '../../lambda/persistence/user-store';
import { createHandler } from '../../lambda/skill';
import { runScript } from './session-script';

export interface SessionCalls {
  readonly session: 1 | 2;
  readonly turns: number;
  readonly reads: number;
  readonly writes: number;
  /** save() calls the skill made: turns whose profile change had to be stored. */
  readonly saves: number;
  /** Lines that caused a write. */
  readonly writingTurns: readonly string[];
  readonly otherCommands: Readonly<Record<string, number>>;
}

/** Wraps a store to count save() calls, the turns with a change to store. */
function countingSaves(store: UserStore): { store: UserStore; saves: () => number } {
  let saves = 0;
  return {
    store: {
      load: (userId) => store.load(userId),
      save: (userId, update, base) => {
        saves += 1;
        return store.save(userId, update, base);
      },
      delete: (userId) => store.delete(userId),
    },
    saves: () => saves,
  };
}

export async function dynamoCalls(store: UserStore, counter: CallCounter): Promise<SessionCalls[]> {
  const wrapped = countingSaves(store);
  const handler = createHandler({ store: wrapped.store, logger: silentLogger });
  const perSession = new Map<1 | 2, { turns: number; reads: number; writes: number; saves: number; lines: string[] }>();
  let current: { session: 1 | 2; line: string; reads: number; writes: number; saves: number } | undefined;
  const close = () => {
    if (!current) return;
    const entry = perSession.get(current.session) ?? { turns: 0, reads: 0, writes: 0, saves: 0, lines: [] };
    const writes = counter.writes - current.writes;
    entry.turns += 1;
    entry.reads += counter.reads - current.reads;
    entry.writes += writes;
    entry.saves += wrapped.saves() - current.saves;
    if (writes > 0) entry.lines.push(current.line);
    perSession.set(current.session, entry);
  };
  counter.reset();
  await runScript(handler, `amzn1.ask.account.bench-calls-${Date.now()}`, {
    beforeTurn: (session, line) => {
      close();
      current = { session, line, reads: counter.reads, writes: counter.writes, saves: wrapped.saves() };
    },
  });
  close();
  const other = Object.fromEntries(
    Object.entries(counter.byCommand).filter(
      ([name]) => !['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'].includes(name),
    ),
  );
  return [...perSession.entries()].map(([session, e]) => ({
    session,
    turns: e.turns,
    reads: e.reads,
    writes: e.writes,
    saves: e.saves,
    writingTurns: e.lines,
    otherCommands: other,
  }));
}
