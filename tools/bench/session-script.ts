/**
 * The scripted use the warm-turn and DynamoDB figures share: a first session that starts lower
 * back relief, steps through it, changes pressure, asks for status and pauses; then a later session
 * that resumes and steps to the end.
 */
import { catalogue } from '../../lambda/content';
import type { SkillHandler } from '../simulator/session-driver';
import { SimulatedDevice, type Turn } from '../simulator/session-driver';

const ROUTINE = catalogue.get('lowerBack');

export interface ScriptedTurn {
  readonly session: 1 | 2;
  readonly line: string;
  readonly turn: Turn;
}

export interface ScriptHooks {
  /** Called just before each line is spoken. */
  readonly beforeTurn?: (session: 1 | 2, line: string) => void;
}

/** Runs the script on a fresh device for `userId`; throws when a turn errs or the routine does not finish. */
export async function runScript(
  handler: SkillHandler,
  userId: string,
  hooks: ScriptHooks = {},
): Promise<ScriptedTurn[]> {
  const device = new SimulatedDevice({ handler, userId });
  const turns: ScriptedTurn[] = [];
  const say = async (session: 1 | 2, line: string): Promise<Turn> => {
    hooks.beforeTurn?.(session, line);
    const turn = await device.say(line);
    if (turn.error) throw new Error(`bench script: "${line}" failed: ${turn.error}`);
    turns.push({ session, line, turn });
    return turn;
  };
  const steps = ROUTINE?.steps.length ?? 6;

  await say(1, 'open partner massage');
  await say(1, 'start lower back relief');
  // Next to step 3 of 6: later, a continuous response packs the rest of the routine and the closing.
  for (let i = 0; i < steps - 4; i += 1) await say(1, 'next');
  if (!device.sessionOpen) throw new Error('bench script: the first session ended before the pause');
  await say(1, 'more pressure');
  await say(1, 'less pressure');
  await say(1, 'how much longer');
  await say(1, 'pause');
  if (device.sessionOpen) await device.newSession();

  await device.wait(30 * 60);
  await say(2, 'open partner massage');
  await say(2, 'resume');
  let closing: Turn | undefined;
  for (let i = 0; i < 10 && device.sessionOpen && closing === undefined; i += 1) {
    const turn = await say(2, 'next');
    if (turn.text.includes(ROUTINE?.closing ?? '')) closing = turn;
  }
  // The first closing a user hears offers a practice reminder: no thanks ends the session.
  if (closing !== undefined && device.sessionOpen) await say(2, 'no');
  if (device.sessionOpen || closing === undefined) {
    const last = turns[turns.length - 1]?.turn;
    throw new Error(`bench script: the routine did not finish (last: "${last?.text.slice(0, 120)}")`);
  }
  return turns;
}
