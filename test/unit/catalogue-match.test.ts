/** Routine names matched by their words: exact, without filler words, by weight, or ambiguous. */

import { catalogue, ROUTINES } from '../../lambda/content';
import { NAME_WORDS } from '../../lambda/content/name-words';
import { Catalogue, type NameMatch, type Routine } from '../../lambda/core/catalogue';

function picked(match: NameMatch): string | string[] | undefined {
  if (match.kind === 'one') return match.routine.id;
  if (match.kind === 'several') return match.routines.map((routine) => routine.id);
  return undefined;
}

describe('Catalogue.match on the real catalogue', () => {
  it('finds every routine by its name and by each synonym', () => {
    for (const routine of ROUTINES) {
      for (const phrase of [routine.name, ...routine.synonyms])
        expect(picked(catalogue.match(phrase))).toBe(routine.id);
    }
  });

  it.each([
    ['back', 'lowerBack'],
    ['her back please', 'lowerBack'],
    ['the back one', 'lowerBack'],
    ['neck', 'shouldersNeck'],
    ['her shoulders', 'shouldersNeck'],
    ['feet', 'foot'],
    ['the feet one please', 'foot'],
    ['her hands', 'hand'],
    ['hips', 'hipsLegs'],
    ['her legs', 'hipsLegs'],
    ['labor', 'labourCounterPressure'],
    ['counter pressure for her back', 'labourCounterPressure'],
    ['something quick', 'tenMinutesTonight'],
    ['Lower-Back Relief!', 'lowerBack'],
  ])('"%s" picks %s', (phrase, id) => {
    expect(picked(catalogue.match(phrase))).toBe(id);
  });

  it('a word of the name outweighs the same word in another routine’s synonym', () => {
    // "back" is in lower back relief's name and only in a synonym of labour counter pressure practice;
    // "hip" is in hips and legs' name and only in the synonym "hip squeeze".
    expect(picked(catalogue.match('back'))).toBe('lowerBack');
    expect(picked(catalogue.match('hip'))).toBe('hipsLegs');
  });

  it('names every routine that fits equally well, in catalogue order', () => {
    expect(picked(catalogue.match('legs and feet'))).toEqual(['foot', 'hipsLegs']);
    expect(picked(catalogue.match('feet and back'))).toEqual(['lowerBack', 'foot']);
  });

  it.each([['next'], ['slower'], ['step three'], ['please'], ['her elbows'], ['massage'], ['']])(
    '"%s" picks no routine',
    (phrase) => {
      expect(catalogue.match(phrase)).toEqual({ kind: 'none' });
    },
  );
});

describe('Catalogue.match with its own words', () => {
  const routine = (id: Routine['id'], name: string, synonyms: string[]): Routine => {
    const base = ROUTINES.find((r) => r.id === id);
    if (!base) throw new Error(id);
    return { ...base, name, synonyms };
  };
  const small = new Catalogue(
    [routine('lowerBack', 'calm back', ['back rub']), routine('foot', 'happy feet', ['toes'])],
    { fillers: ['the'], sameAs: { feet: 'foot' } },
  );

  it('reads a word in its one form on both sides', () => {
    expect(picked(small.match('foot'))).toBe('foot');
    expect(picked(small.match('the feet'))).toBe('foot');
  });

  it('drops only its own filler words', () => {
    expect(picked(small.match('the toes'))).toBe('foot');
    // "massage" is no filler here, and no routine uses it: the other word decides.
    expect(picked(small.match('massage toes'))).toBe('foot');
  });

  it('without words of its own it matches names and synonyms as said', () => {
    const plain = new Catalogue(ROUTINES);
    expect(picked(plain.match('foot massage'))).toBe('foot');
    expect(picked(plain.match('feet'))).toBe('foot');
  });

  it('the real words drop "her", "please" and "one", and read "feet" as "foot"', () => {
    expect(NAME_WORDS.fillers).toEqual(expect.arrayContaining(['her', 'please', 'one', 'massage']));
    expect(NAME_WORDS.sameAs.feet).toBe('foot');
  });
});
