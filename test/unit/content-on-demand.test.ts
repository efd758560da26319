/**
 * Content is built when a request asks for it, not before: the modules the skill loads build no
 * locale's content, a request builds its own locale's only, and a routine's fields are turned at
 * their first read, the same as an eager turn would have them.
 */
import { LOCALE_SPECS } from '../../lambda/content/locales';
import { Catalogue, type Routine } from '../../lambda/core/catalogue';

// Every routine source's details, watched: a locale's content makes them with its care terms.
jest.mock('../../lambda/content/routines', () => {
  const actual: typeof import('../../lambda/content/routines') = jest.requireActual('../../lambda/content/routines');
  return { ROUTINE_SOURCES: actual.ROUTINE_SOURCES.map((source) => ({ ...source, details: jest.fn(source.details) })) };
});

/** The first routine's (lower back relief) details, watched. */
function firstRoutineDetails(): jest.Mock {
  return jest.requireMock('../../lambda/content/routines').ROUTINE_SOURCES[0].details;
}

describe('content for a locale is built when a request asks for it', () => {
  beforeEach(() => {
    firstRoutineDetails().mockClear();
  });

  it('loading the skill builds no locale content', () => {
    jest.isolateModules(() => {
      require('../../lambda/skill');
    });
    expect(firstRoutineDetails()).not.toHaveBeenCalled();
  });

  it('a request in en-GB builds en-GB content only, once', () => {
    jest.isolateModules(() => {
      const { contentForRequest } = require('../../lambda/content/locale-content');
      contentForRequest('en-GB').catalogue.get('lowerBack').steps;
      contentForRequest('en-GB').catalogue.get('lowerBack').closing;
    });
    expect(firstRoutineDetails().mock.calls).toEqual([[LOCALE_SPECS['en-GB'].care]]);
  });

  it("the routines' names and summaries, which a menu shows, are read without making their details", () => {
    jest.isolateModules(() => {
      const { contentForRequest } = require('../../lambda/content/locale-content');
      const routines: readonly Routine[] = contentForRequest('en-US').catalogue.routines;
      expect(routines.map((routine) => routine.name)).toContain('lower back relief');
      expect(routines.map((routine) => routine.summary)).toHaveLength(7);
    });
    expect(firstRoutineDetails()).not.toHaveBeenCalled();
  });
});

describe('a routine turned on first read', () => {
  it('reads as the turned source, and the same value at every read', () => {
    const { contentFor } = jest.requireActual('../../lambda/content/locale-content');
    const routine: Routine = contentFor('en-US').catalogue.get('labourCounterPressure');
    expect(routine.name).toBe('labor counter pressure practice');
    expect(routine.steps).toBe(routine.steps);
    expect(JSON.stringify(routine.steps)).not.toMatch(/\blabour\b/);
    expect(JSON.stringify(routine.steps)).toMatch(/\blabor\b/);
  });

  it("keeps the other locales' spellings of its name as synonyms", () => {
    const { contentFor } = jest.requireActual('../../lambda/content/locale-content');
    expect(contentFor('en-US').catalogue.get('labourCounterPressure').synonyms).toContain(
      'labour counter pressure practice',
    );
    expect(contentFor('en-GB').catalogue.get('labourCounterPressure').synonyms).toContain(
      'labor counter pressure practice',
    );
  });
});

describe('a catalogue indexes names at the first name looked up', () => {
  it('reads no synonyms until a name is matched', () => {
    const read = jest.fn(() => ['rub my feet']);
    const routine = {
      id: 'foot',
      name: 'foot massage',
      get synonyms() {
        return read();
      },
    } as unknown as Routine;
    const catalogue = new Catalogue([routine]);
    expect(catalogue.get('foot')).toBe(routine);
    expect(read).not.toHaveBeenCalled();
    expect(catalogue.match('rub my feet')).toEqual({ kind: 'one', routine });
    expect(catalogue.findByName('foot massage')).toBe(routine);
    expect(read).toHaveBeenCalled();
  });
});
