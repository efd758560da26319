/**
 * Catalogue lookups over made-up routines: ids, and spoken names matched after normalising.
 */
import { Catalogue, isRoutineId, normalisePhrase, type Routine } from '../../lambda/core/catalogue';

function routine(id: Routine['id'], name: string, synonyms: readonly string[]): Routine {
  return { id, name, synonyms, summary: '', position: '', cautions: [], pointsToAvoid: [], steps: [], closing: '' };
}

describe('normalising a spoken phrase', () => {
  it.each([
    ['Lower Back', 'lower back'],
    ['lower-back', 'lower back'],
    ['lower  -  back', 'lower back'],
    ["  mum's feet!  ", 'mums feet'],
    ['mum’s feet', 'mums feet'],
    ['10 minutes, tonight?', '10 minutes tonight'],
  ])('%p reads as %p', (phrase, expected) => {
    expect(normalisePhrase(phrase)).toBe(expected);
  });
});

describe('routine ids', () => {
  it.each([
    ['lowerBack', true],
    ['tenMinutesTonight', true],
    ['moon', false],
    ['', false],
    [7, false],
    [null, false],
    [['foot'], false],
  ])('%p is a routine id: %p', (value, expected) => {
    expect(isRoutineId(value)).toBe(expected);
  });
});

describe('a catalogue', () => {
  const back = routine('lowerBack', 'lower back relief', ['back rub', "mum's back"]);
  const foot = routine('foot', 'foot massage', ['feet']);
  const catalogue = new Catalogue([back, foot]);

  it('lists its routines in order', () => {
    expect(catalogue.routines).toEqual([back, foot]);
  });

  it('finds each routine by id, and nothing for an id it does not hold', () => {
    expect(catalogue.get('lowerBack')).toBe(back);
    expect(catalogue.get('foot')).toBe(foot);
    expect(catalogue.get('hand')).toBeUndefined();
  });

  it.each([
    ['Lower Back Relief', 'lowerBack'],
    ['back-rub', 'lowerBack'],
    ['mums back', 'lowerBack'],
    ['FEET', 'foot'],
    ['foot massage.', 'foot'],
  ])('finds %p by name or synonym', (phrase, id) => {
    expect(catalogue.findByName(phrase)?.id).toBe(id);
  });

  it('finds nothing for a phrase that only contains a name', () => {
    expect(catalogue.findByName('a lower back relief please')).toBeUndefined();
  });
});
