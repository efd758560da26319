/** The offline inflation check finds each fault it claims to find (so a passing card means something). */
import { bound } from '../../lambda/screen/parts';
import { graphicProblems, inflate, VIEWPORTS, type Viewport } from './apl-check';

type Json = { readonly [key: string]: unknown };

function echoShow8(): Viewport {
  const viewport = VIEWPORTS.find((candidate) => candidate.name === 'Echo Show 8');
  if (!viewport) throw new Error('no Echo Show 8 viewport');
  return viewport;
}

const SHOW = echoShow8();

function documentWith(items: Json[], extra: Json = {}): Json {
  return {
    type: 'APL',
    version: '2024.2',
    resources: [{ dimensions: { gap: '16dp' } }],
    mainTemplate: { parameters: ['payload'], items: [{ type: 'Container', items }] },
    ...extra,
  };
}

const data = { card: { title: 'Palm circles', empty: '', pages: [{ n: 1 }, { n: 2 }] } };

function problems(items: Json[], extra: Json = {}): string[] {
  return inflate(documentWith(items, extra), data, SHOW).problems;
}

describe('the inflation check', () => {
  it('passes a card whose bindings, parts and values are all sound', () => {
    expect(problems([{ type: 'Text', text: bound('payload.card.title'), fontSize: '@gap', width: '50vw' }])).toEqual(
      [],
    );
  });

  it('finds a binding to a field the datasource does not have', () => {
    expect(problems([{ type: 'Text', text: bound('payload.card.titel') }]).join()).toMatch(
      /titel is not in the datasource/,
    );
  });

  it('finds a resource the document does not define', () => {
    expect(problems([{ type: 'Text', text: 'x', fontSize: '@huge' }]).join()).toMatch(/no resource @huge/);
  });

  it('applies a style, and finds a missing style or one that sets what the component has not', () => {
    const styled = { styles: { big: { values: { fontSize: '@gap' } }, odd: { values: { source: 'x' } } } };
    const inflated = inflate(documentWith([{ type: 'Text', text: 'x', style: 'big' }], styled), data, SHOW);
    expect(inflated.problems).toEqual([]);
    expect(inflated.components.find((c) => c.type === 'Text')?.props.fontSize).toBe('16dp');
    expect(problems([{ type: 'Text', text: 'x', style: 'huge' }], styled).join()).toMatch(/no style huge/);
    expect(problems([{ type: 'Text', text: 'x', style: 'odd' }], styled).join()).toMatch(/sets source/);
  });

  it('inflates a layout of the document with its parameters, which see nothing of the caller', () => {
    const layouts = {
      layouts: {
        Label: { parameters: [{ name: 'words', type: 'string' }], items: [{ type: 'Text', text: bound('words') }] },
        Peek: { parameters: [], items: [{ type: 'Text', text: bound('payload.card.title') }] },
      },
    };
    const inflated = inflate(
      documentWith([{ type: 'Label', words: bound('payload.card.title') }], layouts),
      data,
      SHOW,
    );
    expect(inflated.problems).toEqual([]);
    expect(inflated.components.find((c) => c.type === 'Text')?.props.text).toBe('Palm circles');
    expect(problems([{ type: 'Label' }], layouts).join()).toMatch(/Label needs words/);
    expect(problems([{ type: 'Label', words: 'a', colour: 'red' }], layouts).join()).toMatch(/no parameter colour/);
    expect(problems([{ type: 'Peek' }], layouts).join()).toMatch(/payload is not defined/);
  });

  it('finds an unknown component and an unknown property', () => {
    expect(problems([{ type: 'AlexaButton' }]).join()).toMatch(/unknown component AlexaButton/);
    expect(problems([{ type: 'Text', text: 'x', colour: '#FFFFFF' }]).join()).toMatch(/Text has no colour/);
  });

  it('finds a dimension, colour or enum value APL does not accept', () => {
    expect(problems([{ type: 'Text', text: 'x', width: '50 pixels' }]).join()).toMatch(/not a dimension/);
    expect(problems([{ type: 'Text', text: 'x', color: 'white' }]).join()).toMatch(/not a colour/);
    expect(problems([{ type: 'Text', text: 'x', textAlign: 'middle' }]).join()).toMatch(/not allowed/);
  });

  it('finds empty text that is shown, and not text whose when is false', () => {
    expect(problems([{ type: 'Text', text: bound('payload.card.empty') }]).join()).toMatch(/the text is empty/);
    expect(problems([{ type: 'Text', when: bound('false'), text: bound('payload.card.empty') }])).toEqual([]);
  });

  it('finds an unknown command, and reports what a button sends', () => {
    const button = (command: Json) => ({
      type: 'TouchWrapper',
      accessibilityLabel: 'Go',
      onPress: [command],
      item: { type: 'Text', text: 'Go' },
    });
    expect(problems([button({ type: 'SpeakEverything' })]).join()).toMatch(/unknown command SpeakEverything/);
    const inflated = inflate(
      documentWith([button({ type: 'SendEvent', arguments: ['start', bound('payload.card.title')] })]),
      data,
      SHOW,
    );
    expect(inflated.events).toEqual([['start', 'Palm circles']]);
  });

  it('inflates a data-bound Pager once per element and reports its page turns', () => {
    const inflated = inflate(
      documentWith([
        {
          type: 'Pager',
          id: 'p',
          data: bound('payload.card.pages'),
          items: [{ type: 'Text', text: bound('data.n') }],
          onMount: [{ type: 'SetPage', componentId: 'p', position: 'absolute', value: 1, delay: 1500 }],
        },
      ]),
      data,
      SHOW,
    );
    expect(inflated.problems).toEqual([]);
    expect(inflated.components.filter((c) => c.type === 'Text').map((c) => c.props.text)).toEqual([1, 2]);
    expect(inflated.pageTurns).toEqual([{ delay: 1500, value: 1, pages: 2 }]);
  });

  it('finds an AVG graphic with a bad header, an unknown item or a path without pathData', () => {
    expect(
      graphicProblems({
        type: 'AVG',
        version: '1.2',
        width: 10,
        height: 10,
        items: [{ type: 'path', pathData: 'M0,0 h5 z' }],
      }),
    ).toEqual([]);
    expect(graphicProblems({ type: 'SVG', version: '2', width: 0, height: 10, items: [] })).toHaveLength(4);
    expect(
      graphicProblems({ type: 'AVG', version: '1.2', width: 10, height: 10, items: [{ type: 'circle' }] }).join(),
    ).toMatch(/unknown item circle/);
    expect(
      graphicProblems({ type: 'AVG', version: '1.2', width: 10, height: 10, items: [{ type: 'path' }] }).join(),
    ).toMatch(/pathData/);
  });
});
