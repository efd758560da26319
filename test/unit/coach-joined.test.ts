/** Joined sessions in the core: which routines, the one opening, the moves between them, and `then`. */
import { catalogue, lines } from '../../lambda/content';
import type { Routine, RoutineId } from '../../lambda/core/catalogue';
import { type Decision, decide } from '../../lambda/core/coach';
import {
  anotherRoutine,
  chooseRoutines,
  MAX_SESSION_MINUTES,
  MIN_SESSION_MINUTES,
  minutesHeard,
  SESSION_ORDER,
  sessionTarget,
} from '../../lambda/core/coach/joined';
import type { CoachState } from '../../lambda/core/coach/state';
import { routineSeconds } from '../../lambda/core/pacing';
import { DEFAULT_PREFERENCES, type Preferences } from '../../lambda/core/preferences';
import { CoreWalker, spokenText } from '../support/walk';

const words = lines.sessions;
const pool: Routine[] = SESSION_ORDER.map((id) => {
  const routine = catalogue.get(id);
  if (routine === undefined) throw new Error(id);
  return routine;
});
const byId = (id: RoutineId): Routine => {
  const routine = catalogue.get(id);
  if (routine === undefined) throw new Error(id);
  return routine;
};

function totalMinutes(routines: readonly Routine[], prefs: Preferences = DEFAULT_PREFERENCES): number {
  return routines.reduce((sum, routine) => sum + routineSeconds(routine, prefs), 0) / 60;
}

function then(state: CoachState): readonly RoutineId[] | undefined {
  return state.mode === 'routine' || state.mode === 'halted' ? state.then : undefined;
}

function routineId(state: CoachState): RoutineId | undefined {
  return state.mode === 'menu' || state.mode === 'labour' ? undefined : state.routineId;
}

describe('chooseRoutines', () => {
  const cases = [12, 15, 20, 25, 30, 35, 40].flatMap((minutes) =>
    (['slower', 'normal', 'quicker'] as const).map((pace) => [minutes, pace] as const),
  );

  it.each(cases)(
    'for %i minutes at %s pace joins two or more routines, each once, within the range',
    (minutes, pace) => {
      const prefs = { ...DEFAULT_PREFERENCES, pace };
      const picked = chooseRoutines(pool, minutes, prefs, []);
      expect(picked.length).toBeGreaterThanOrEqual(2);
      expect(new Set(picked.map((r) => r.id)).size).toBe(picked.length);
      const total = totalMinutes(picked, prefs);
      expect(total).toBeGreaterThanOrEqual(MIN_SESSION_MINUTES);
      expect(total).toBeLessThanOrEqual(MAX_SESSION_MINUTES);
    },
  );

  it('never joins labour practice or ten minutes tonight', () => {
    expect(SESSION_ORDER).not.toContain('labourCounterPressure');
    expect(SESSION_ORDER).not.toContain('tenMinutesTonight');
  });

  it('lands within about five minutes of twenty, keeping the session order', () => {
    const picked = chooseRoutines(pool, 20, DEFAULT_PREFERENCES, []);
    expect(Math.abs(totalMinutes(picked) - 20)).toBeLessThan(5);
    const order = picked.map((r) => SESSION_ORDER.indexOf(r.id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('prefers routines she has not just done', () => {
    const fresh = chooseRoutines(pool, 20, DEFAULT_PREFERENCES, []);
    const recent = fresh.map((r) => r.id);
    const next = chooseRoutines(pool, 20, DEFAULT_PREFERENCES, recent);
    expect(next.filter((r) => recent.includes(r.id)).length).toBeLessThan(recent.length);
  });
});

describe('sessionTarget', () => {
  it.each([
    [undefined, 20, undefined],
    [25, 25, undefined],
    [5, MIN_SESSION_MINUTES, 'shortest'],
    [90, MAX_SESSION_MINUTES, 'longest'],
  ] as const)('%p minutes asked aims for %i (%p)', (asked, minutes, bounded) => {
    expect(sessionTarget(asked)).toEqual(bounded === undefined ? { minutes } : { minutes, bounded });
  });
});

describe('minutesHeard', () => {
  it.each([
    ['twenty minutes tonight', 20],
    ['half an hour', 30],
    ['fifteen minutes', 15],
    ['twenty five minutes', 25],
    ['25 minutes', 25],
    ['about an hour', 60],
  ] as const)('reads "%s" as %i minutes', (heard, minutes) => {
    expect(minutesHeard(heard)).toBe(minutes);
  });

  it.each(['foot massage', 'minutes', 'twenty feet', 'ten five minutes'])('reads "%s" as no length', (heard) => {
    expect(minutesHeard(heard)).toBeUndefined();
  });
});

describe('anotherRoutine', () => {
  it('picks one not done lately, working another part of her body than the last', () => {
    const chosen = anotherRoutine(pool, ['foot'], byId('foot'));
    expect(chosen?.id).not.toBe('foot');
    expect(chosen?.id).not.toBe('hand');
  });

  it('when all are recent, picks the one done longest ago', () => {
    expect(anotherRoutine(pool, ['hand', 'foot', 'lowerBack', 'shouldersNeck', 'hipsLegs'], byId('hipsLegs'))?.id).toBe(
      'hand',
    );
  });
});

/** Walks a spoken joined session from "a longer session", saying yes after each answer. */
function walkSession(walker: CoreWalker, event = { type: 'longSession' } as const): Decision[] {
  walker.send(event);
  for (let i = 0; i < 80 && walker.state.mode !== 'menu'; i += 1) walker.send({ type: 'yes' }, walker.lastSeconds + 1);
  return walker.turns;
}

describe('a joined session', () => {
  it('opens once: the disclaimer, the session line, then the first routine waits for ready', () => {
    const walker = new CoreWalker();
    walker.profile = { ...walker.profile, disclaimerHeard: false, screeningHeard: false };
    const opened = walker.send({ type: 'longSession' });
    const text = spokenText(opened);
    const first = routineId(opened.state);
    const rest = then(opened.state) ?? [];
    const names = [first, ...rest].map((id) => byId(id as RoutineId).name);
    expect(text).toContain(lines.disclaimer);
    expect(text).toContain(lines.safetyBeforeStarting);
    expect(text).toMatch(new RegExp(words.opening(names, 0).split('0')[0] ?? ''));
    expect(text).toContain(byId(first as RoutineId).position);
    expect(text).toMatch(new RegExp(`${lines.whenReady.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`));
    expect(rest.length).toBeGreaterThanOrEqual(1);
    expect(opened.plan.listen).toBe(true);
  });

  it('plays every routine in turn, announcing each move, and records practice per routine', () => {
    const walker = new CoreWalker();
    const turns = walkSession(walker);
    const opened = turns[0] as Decision;
    const ids = [routineId(opened.state), ...(then(opened.state) ?? [])] as RoutineId[];
    const all = turns.map(spokenText).join(' ');
    expect(all.split(lines.disclaimer)).toHaveLength(1);
    for (const [i, id] of ids.entries()) {
      const routine = byId(id);
      const first = routine.steps[0];
      if (i > 0 && first) expect(all).toContain(words.moveTo(routine.name, lines.screen.areas[first.area]));
      expect(all).toContain(routine.closing);
    }
    expect(walker.profile.history.recentRoutines.slice(-ids.length)).toEqual(ids);
    expect(walker.profile.history.sessionsFinished).toBe(ids.length);
    const last = byId(ids[ids.length - 1] as RoutineId);
    expect(spokenText(turns[turns.length - 1] as Decision)).toContain(lines.routineFinished(last.name));
    expect(all.split(lines.routineFinished(byId(ids[0] as RoutineId).name))).toHaveLength(1);
  });

  it('keeps the routines to come through a wait and "it hurts", and after carry on', () => {
    const walker = new CoreWalker();
    const opened = walker.send({ type: 'longSession' });
    const toCome = then(opened.state);
    walker.send({ type: 'resume' });
    expect(then(walker.send({ type: 'wait' }, 5).state)).toEqual(toCome);
    const halted = walker.send({ type: 'discomfort' }, 5);
    expect(halted.state.mode).toBe('halted');
    expect(then(halted.state)).toEqual(toCome);
    expect(then(walker.send({ type: 'resume' }, 5).state)).toEqual(toCome);
  });

  it('drops the routines to come on stop, and the place is kept', () => {
    const walker = new CoreWalker();
    walker.send({ type: 'longSession' });
    walker.send({ type: 'resume' });
    const stopped = walker.send({ type: 'stop' }, 5);
    expect(stopped.state).toEqual({ mode: 'menu' });
    expect(walker.profile.paused).not.toBeNull();
  });

  it('says "how much longer" with the routines still to come', () => {
    const walker = new CoreWalker();
    const opened = walker.send({ type: 'longSession' });
    const ids = [routineId(opened.state), ...(then(opened.state) ?? [])] as RoutineId[];
    const status = walker.send({ type: 'status' }, 1);
    const total = ids.reduce((sum, id) => sum + routineSeconds(byId(id), DEFAULT_PREFERENCES), 0);
    expect(spokenText(status)).toContain(lines.statusRemaining(total));
  });

  it('says it will keep to the range when asked for less', () => {
    const opened = new CoreWalker().send({ type: 'longSession', minutes: 5 });
    expect(spokenText(opened)).toMatch(/little more time than that/);
  });

  it('stays with contractions in labour mode', () => {
    const walker = new CoreWalker();
    walker.state = { mode: 'labour' };
    const answer = walker.send({ type: 'longSession' });
    expect(answer.state).toEqual({ mode: 'labour' });
    expect(spokenText(answer)).toContain(words.notInLabour);
  });

  it('with hands-free mode on, plays one routine at a time and says so', () => {
    const walker = new CoreWalker({ handsFree: 'on' });
    const opened = decideHandsFree(walker);
    expect(spokenText(opened)).toContain(words.oneAtATimeHandsFree(byId(routineId(opened.state) as RoutineId).name));
    expect(then(opened.state)).toBeUndefined();
  });
});

function decideHandsFree(walker: CoreWalker): Decision {
  // The walker's device has no audio player; ask the core directly as a device that has one.
  return decide({
    state: walker.state,
    profile: walker.profile,
    event: { type: 'longSession' },
    now: walker.now,
    updateId: 'hands-free',
    catalogue,
    wording: lines,
    canPlayAudio: true,
  });
}

describe('do another one', () => {
  it('at the menu starts a routine other than the last, with its usual opening', () => {
    const walker = new CoreWalker();
    walker.walk('foot');
    const answer = walker.send({ type: 'another' }, 5);
    const id = routineId(answer.state) as RoutineId;
    expect(id).not.toBe('foot');
    expect(spokenText(answer)).toContain(words.another(byId(id).name));
    expect(spokenText(answer)).toContain(byId(id).position);
  });

  it('during a routine, joins one after it and carries on', () => {
    const walker = new CoreWalker();
    walker.begin('foot');
    const answer = walker.send({ type: 'another' }, 5);
    expect(routineId(answer.state)).toBe('foot');
    const added = then(answer.state) ?? [];
    expect(added).toHaveLength(1);
    expect(spokenText(answer)).toContain(words.comesNext(byId(added[0] as RoutineId).name));
  });
});
