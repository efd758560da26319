// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are APL bindings (${…}), read by the card reader, not templates.
/**
 * The simulator's reader of the APL card (tools/simulator/apl-card.ts), in-process: the real
 * document and datasources (lambda/screen/render.ts) for every kind of view, read on an Echo Show,
 * a round screen, a 960 × 480 screen and a 1024 × 600 hub; the expression language of its bindings;
 * and what it does with input that is not a card.
 */
import { contentFor } from '../../lambda/content';
import type { ScreenView, StepPage } from '../../lambda/core/screen';
import type { ScreenWords } from '../../lambda/core/wording';
import { screenDirective } from '../../lambda/screen/render';
import {
  bind,
  type CardPart,
  cardButtons,
  cardTexts,
  describeCard,
  ECHO_SHOW,
  readCard,
  type Viewport,
} from '../../tools/simulator/apl-card';

const US = contentFor('en-US').wording.screen;
const GB = contentFor('en-GB').wording.screen;

const ROUND: Viewport = { shape: 'round', width: 480, height: 480 };
const SHORT_WIDE: Viewport = { shape: 'rectangle', width: 960, height: 480 };
const HUB: Viewport = { shape: 'rectangle', width: 1024, height: 600 };
const SMALL: Viewport = { shape: 'rectangle', width: 600, height: 1024 };
const VIEWPORTS: readonly [string, Viewport][] = [
  ['Echo Show', ECHO_SHOW],
  ['round 480 × 480', ROUND],
  ['960 × 480', SHORT_WIDE],
  ['1024 × 600 hub', HUB],
  ['portrait 600 × 1024', SMALL],
];
/** The viewports that get the narrow form: round, or under 720 dp wide. */
const NARROW = new Set([ROUND, SMALL]);

function page(stepNumber: number, atSeconds: number, area: StepPage['area'] = 'sole'): StepPage {
  return {
    stepNumber,
    title: `step ${stepNumber} title`,
    shown: `Do step ${stepNumber}.`,
    area,
    secondsLeft: 400 - stepNumber * 60,
    atSeconds,
  };
}

const routine = (pages: readonly StepPage[]): ScreenView => ({
  kind: 'routine',
  routineId: 'foot',
  routineName: 'foot massage',
  stepCount: 7,
  pressure: 'gentle',
  pages,
});

const place = {
  routineId: 'foot',
  routineName: 'foot massage',
  stepNumber: 3,
  stepCount: 7,
  title: 'thumb circles',
  area: 'heel',
} as const;

const read = (view: ScreenView, viewport: Viewport = ECHO_SHOW, words: ScreenWords = US) =>
  readCard(screenDirective(view, words), viewport);

const buttons = (parts: readonly CardPart[]) => cardButtons(parts).map((b) => [b.label, ...b.arguments]);

describe('readCard on the real document', () => {
  describe.each(VIEWPORTS)('on a %s', (_name, viewport) => {
    const narrow = NARROW.has(viewport);

    it('a routine with one page: heading, pressure, "Step N of M", time left, title, instruction, area, and five buttons', () => {
      const parts = read(routine([page(2, 0)]), viewport);
      const pageTexts = narrow
        ? ['Step 2 of 7', 'About 5 minutes left', 'Step 2 title', 'Do step 2.', 'Sole']
        : ['Step 2 of 7', 'About 5 minutes left', 'Sole', 'Step 2 title', 'Do step 2.'];
      expect(cardTexts(parts)).toEqual(['Foot massage', 'Pressure: gentle', ...pageTexts]);
      const pager = parts.find((part) => part.kind === 'pages');
      expect(pager?.kind === 'pages' && pager.pages.map((p) => p.atMs)).toEqual([0]);
      expect(buttons(parts)).toEqual([
        ['Pause', 'pause'],
        ['Back', 'back'],
        ['Next', 'next'],
        ['Lighter', 'lighter'],
        ['It hurts', 'hurts'],
      ]);
    });

    it.each([
      ['discomfort', 'Stop and check in.'],
      ['unwell', 'Stop the massage.'],
      ['unclear', 'I stopped.'],
    ] as const)('halted (%s): the step, the area, the action, and Carry on / Next / Stop', (cause, action) => {
      const parts = read({ kind: 'halted', cause, ...place, action }, viewport);
      const middle = narrow ? ['Thumb circles', action, 'Heel'] : ['Heel', 'Thumb circles', action];
      expect(cardTexts(parts)).toEqual(['Foot massage', 'Step 3 of 7', ...middle]);
      expect(buttons(parts)).toEqual([
        ['Carry on', 'carryOn'],
        ['Next', 'next'],
        ['Stop', 'stop'],
      ]);
    });

    it('paused: where it stopped and Resume / Stop', () => {
      const parts = read({ kind: 'paused', ...place }, viewport);
      const middle = narrow
        ? ['Paused at step 3', 'Thumb circles', 'Heel']
        : ['Heel', 'Paused at step 3', 'Thumb circles'];
      expect(cardTexts(parts)).toEqual(['Foot massage', 'Step 3 of 7', ...middle]);
      expect(buttons(parts)).toEqual([
        ['Resume', 'resume'],
        ['Stop', 'stop'],
      ]);
    });

    it('labour: the line and one Stop button', () => {
      const parts = read({ kind: 'labour', line: 'Press as the contraction builds.' }, viewport);
      expect(cardTexts(parts)).toEqual(['Press as the contraction builds.']);
      expect(buttons(parts)).toEqual([['Stop', 'stop']]);
    });

    it('closing: the routine and its last line, and no buttons', () => {
      const parts = read(
        { kind: 'closing', routineId: 'foot', routineName: 'foot massage', line: 'Well done.' },
        viewport,
      );
      expect(cardTexts(parts)).toEqual(['Foot massage', 'Well done.']);
      expect(cardButtons(parts)).toEqual([]);
    });

    it('warning tier 1 shows the number, big, between the action and the detail; no buttons', () => {
      const parts = read({ kind: 'warning', tier: 1, action: 'Call 911 now.', detail: 'She said X.' }, viewport);
      expect(cardTexts(parts)).toEqual(['Call 911 now.', '911', 'She said X.']);
      expect(cardButtons(parts)).toEqual([]);
    });
  });

  it.each([2, 3] as const)('warning tier %i shows no number', (tier) => {
    const parts = read({ kind: 'warning', tier, action: 'Call her midwife.', detail: 'She said Y.' });
    expect(cardTexts(parts)).toEqual(['Call her midwife.', 'She said Y.']);
  });

  it('warning tier 1 where the locale knows no number (blank) shows none', () => {
    const parts = read({ kind: 'warning', tier: 1, action: 'Call now.', detail: 'D.' }, ECHO_SHOW, {
      ...US,
      emergencyNumber: '  ',
    });
    expect(cardTexts(parts)).toEqual(['Call now.', 'D.']);
  });

  it("warning tier 1 in another locale shows that locale's number", () => {
    const parts = read({ kind: 'warning', tier: 1, action: 'Call 999 now.', detail: 'D.' }, ECHO_SHOW, GB);
    expect(cardTexts(parts)).toEqual(['Call 999 now.', '999', 'D.']);
  });

  const routines = [
    { id: 'foot', name: 'foot massage', summary: 'Feet, 7 steps.' },
    { id: 'hand', name: 'hand massage', summary: 'Hands, 6 steps.' },
  ] as const;

  it.each([ECHO_SHOW, ROUND])('menu without a paused routine: the heading and a start button per routine', (vp) => {
    const parts = read({ kind: 'menu', routines }, vp);
    expect(cardTexts(parts)).toEqual(['Choose a routine']);
    expect(buttons(parts)).toEqual([
      ['Foot massage', 'start', 'foot'],
      ['Hand massage', 'start', 'hand'],
    ]);
  });

  it('menu with a paused routine: Resume with its name comes first', () => {
    const parts = read({
      kind: 'menu',
      routines,
      paused: { routineId: 'hand', routineName: 'hand massage', stepNumber: 4 },
    });
    expect(buttons(parts)).toEqual([
      ['Resume: Hand massage', 'resume'],
      ['Foot massage', 'start', 'foot'],
      ['Hand massage', 'start', 'hand'],
    ]);
  });

  it("in another locale the card uses that locale's words", () => {
    const gb = { ...GB, pause: 'Hold on', stepOf: (n: number, m: number) => `Stage ${n}/${m}` };
    const parts = read(routine([page(1, 0)]), ECHO_SHOW, gb);
    expect(cardTexts(parts)).toContain('Stage 1/7');
    expect(buttons(parts)[0]).toEqual(['Hold on', 'pause']);
  });

  it('a routine with several pages: each page is turned to when its speech begins', () => {
    const parts = read(routine([page(2, 0), page(3, 12.5, 'arch'), page(4, 30, 'toes')]));
    const pager = parts.find((part) => part.kind === 'pages');
    if (pager?.kind !== 'pages') throw new Error('no pager');
    expect(pager.pages.map((p) => p.atMs)).toEqual([0, 12_500, 30_000]);
    expect(pager.pages.map((p) => cardTexts(p.parts)[0])).toEqual(['Step 2 of 7', 'Step 3 of 7', 'Step 4 of 7']);
    expect(pager.pages.map((p) => cardTexts(p.parts)[2])).toEqual(['Sole', 'Arch', 'Toes']);
    // The buttons are the card's, once, not a page's.
    expect(cardButtons(parts)).toHaveLength(5);
  });

  it('describeCard prints each page with its time, and the buttons in brackets', () => {
    const lines = describeCard(read(routine([page(2, 0), page(3, 75)])));
    expect(lines).toEqual([
      'Foot massage · Pressure: gentle',
      '0:00  Step 2 of 7 · About 5 minutes left · Sole · Step 2 title · Do step 2.',
      '1:15  Step 3 of 7 · About 4 minutes left · Sole · Step 3 title · Do step 3.',
      '[Pause] [Back] [Next] [Lighter] [It hurts]',
    ]);
  });

  it('describeCard prints a single page without a time, and no button line when there are none', () => {
    expect(describeCard(read(routine([page(1, 0)])))[1]).toBe(
      'Step 1 of 7 · About 6 minutes left · Sole · Step 1 title · Do step 1.',
    );
    expect(
      describeCard(read({ kind: 'closing', routineId: 'foot', routineName: 'foot massage', line: 'Done.' })),
    ).toEqual(['Foot massage · Done.']);
  });
});

/** A directive around a hand-made mainTemplate, with `payload` bound to the datasources. */
function card(items: unknown, extra: Record<string, unknown> = {}, datasources: unknown = { x: 'X' }) {
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: 't',
    document: { type: 'APL', version: '2024.2', mainTemplate: { parameters: ['payload'], items }, ...extra },
    datasources,
  };
}

describe('readCard on input that is not the real card', () => {
  it.each([
    ['a string', 'RenderDocument'],
    ['null', null],
    ['an array', []],
  ])('throws for a directive that is %s', (_what, directive) => {
    expect(() => readCard(directive)).toThrow('a RenderDocument directive is an object');
  });

  it('throws for a directive without a document, or a document without mainTemplate', () => {
    expect(() => readCard({ type: 'Alexa.Presentation.APL.RenderDocument' })).toThrow(
      'the document has no mainTemplate',
    );
    expect(() => readCard({ document: { type: 'APL', version: '2024.2' } })).toThrow(
      'the document has no mainTemplate',
    );
    expect(() => readCard({ document: { mainTemplate: 'main' } })).toThrow('the document has no mainTemplate');
  });

  it('a mainTemplate with no items, or none whose when holds, shows nothing', () => {
    expect(readCard(card(undefined))).toEqual([]);
    expect(readCard(card([{ type: 'Text', when: '${false}', text: 'hidden' }]))).toEqual([]);
  });

  it('a binding to a missing field shows nothing; a literal text shows as written', () => {
    const parts = readCard(
      card({
        type: 'Container',
        items: [
          { type: 'Text', text: '${payload.nothing.here}' },
          { type: 'Text', text: 'Hi' },
        ],
      }),
    );
    expect(parts).toEqual([{ kind: 'text', text: 'Hi' }]);
  });

  it('a Text without text, or a component without a type, shows nothing of its own', () => {
    const parts = readCard(
      card({
        type: 'Container',
        items: [{ type: 'Text' }, { items: [{ type: 'Text', text: 'child of an untyped one' }] }, { type: 7 }],
      }),
    );
    expect(parts).toEqual([{ kind: 'text', text: 'child of an untyped one' }]);
  });

  it('one parameter gets every datasource; several get one each by name; none gets nothing', () => {
    const template = (parameters: unknown) => ({
      document: {
        mainTemplate: {
          parameters,
          item: { type: 'Text', text: '${payload.x}-${x}-${y.z}' },
        },
      },
      datasources: { x: 'X', y: { z: 'Z' } },
    });
    expect(cardTexts(readCard(template(['payload'])))).toEqual(['X--']);
    expect(cardTexts(readCard(template(['x', 'y'])))).toEqual(['-X-Z']);
    expect(cardTexts(readCard(template(undefined)))).toEqual(['--']);
    expect(cardTexts(readCard({ ...template(['payload']), datasources: 'none' }))).toEqual(['--']);
  });

  it('components it does not know (an Image, a VectorGraphic) show nothing; their children still do', () => {
    const parts = readCard(
      card([
        {
          type: 'Container',
          items: [
            { type: 'Image', source: 'https://example.com/a.png' },
            { type: 'Sequence', items: [{ type: 'Text', text: 'inside' }, 'not a component', 42] },
          ],
        },
      ]),
    );
    expect(parts).toEqual([{ kind: 'text', text: 'inside' }]);
  });

  it('viewport and the data index are in scope', () => {
    const listed = readCard(
      {
        document: {
          mainTemplate: {
            parameters: ['payload'],
            item: {
              type: 'Container',
              data: '${payload.list}',
              item: { type: 'Text', text: '${index}:${data}/${viewport.width}' },
            },
          },
        },
        datasources: { list: ['a', 'b'] },
      },
      HUB,
    );
    expect(cardTexts(listed)).toEqual(['0:a/1024', '1:b/1024']);
  });

  it('a data item with no child whose when holds is left out', () => {
    const parts = readCard({
      document: {
        mainTemplate: {
          parameters: ['payload'],
          item: {
            type: 'Container',
            data: [1, 2, 3],
            items: [{ type: 'Text', when: '${data != 2}', text: '${data}' }],
          },
        },
      },
    });
    expect(cardTexts(parts)).toEqual(['1', '3']);
  });

  it('Frame, ScrollView and TouchWrapper inflate one child: the first whose when holds', () => {
    const parts = readCard(
      card([
        {
          type: 'Frame',
          items: [
            { type: 'Text', when: '${false}', text: 'no' },
            { type: 'Text', text: 'first' },
            { type: 'Text', text: 'second' },
          ],
        },
      ]),
    );
    expect(parts).toEqual([{ kind: 'text', text: 'first' }]);
    expect(readCard(card([{ type: 'ScrollView', items: [{ type: 'Text', when: '${false}', text: 'no' }] }]))).toEqual(
      [],
    );
  });

  it('a TouchWrapper is a button: its first text or accessibility label, and its SendEvent arguments', () => {
    const parts = readCard(
      card([
        {
          type: 'Container',
          items: [
            {
              type: 'TouchWrapper',
              accessibilityLabel: 'Go ${payload.x}',
              onPress: { type: 'SendEvent', arguments: ['go', '${payload.x}'] },
            },
            {
              type: 'TouchWrapper',
              onPress: [{ type: 'SetValue' }, { type: 'SendEvent' }],
              item: { type: 'Text', text: 'Plain' },
            },
            { type: 'TouchWrapper', onPress: [{ type: 'SendEvent', arguments: '${payload.x}' }] },
            { type: 'TouchWrapper', onPress: [{ type: 'SetValue' }] },
          ],
        },
      ]),
    );
    expect(parts).toEqual([
      { kind: 'button', label: 'Go X', arguments: ['go', 'X'] },
      { kind: 'button', label: 'Plain', arguments: [] },
      { kind: 'button', label: '', arguments: [] },
      { kind: 'button', label: '', arguments: [] },
    ]);
  });

  it("the document's layouts take parameters from the instance or their defaults", () => {
    const layouts = {
      Label: {
        parameters: ['first', { name: 'second', default: 'two' }, { type: 'string' }, 7],
        items: [{ type: 'Text', text: '${first} ${second}' }],
      },
      Empty: { parameters: 'none', items: [{ type: 'Text', when: '${false}', text: 'never' }] },
      NotALayout: 'text',
    };
    const parts = readCard(
      card(
        [
          {
            type: 'Container',
            items: [
              { type: 'Label', first: '${payload.x}' },
              { type: 'Label', first: 'one', second: 'given' },
              { type: 'Empty' },
              { type: 'NotALayout' },
            ],
          },
        ],
        { layouts },
      ),
    );
    expect(cardTexts(parts)).toEqual(['X two', 'one given']);
  });

  describe('a Pager: when each page is turned to', () => {
    const pager = (onMount: unknown, pages = 3) =>
      readCard(
        card([
          {
            type: 'Pager',
            id: 'p',
            onMount,
            items: Array.from({ length: pages }, (_, i) => ({ type: 'Text', text: `page ${i}` })),
          },
        ]),
      );
    const times = (parts: CardPart[]) => (parts[0]?.kind === 'pages' ? parts[0].pages.map((p) => p.atMs) : []);

    it('SetPage commands in a Sequential, each after its delay; absolute and relative', () => {
      const parts = pager({
        type: 'Sequential',
        commands: [
          { type: 'SetPage', componentId: 'p', delay: 1000, value: 1 },
          { type: 'SetPage', delay: '${500 * 2}', position: 'relative', value: 1 },
        ],
      });
      expect(times(parts)).toEqual([0, 1000, 2000]);
    });

    it('a page no command turns to has no time, and describeCard prints ?:??', () => {
      const parts = pager(
        [
          { type: 'SetPage', componentId: 'other', delay: 100, value: 1 },
          { type: 'SetPage', when: '${false}', value: 1 },
          'not a command',
          { type: 'Idle', delay: 'soon' },
        ],
        2,
      );
      expect(times(parts)).toEqual([0, Number.NaN]);
      expect(describeCard(parts)).toEqual(['0:00  page 0', '?:??  page 1']);
    });

    it('a Pager without onMount shows its first page at 0', () => {
      expect(times(pager(undefined, 1))).toEqual([0]);
      expect(describeCard(pager(undefined, 1))).toEqual(['page 0']);
    });
  });
});

describe('bind: the expressions in ${…}', () => {
  const scope = {
    card: { kind: 'menu', n: 3, list: ['a', 'b'], empty: '', zero: 0, nil: null },
    flag: true,
  };
  const value = (source: string) => bind(`\${${source}}`, scope);

  it('a value without bindings, or not a string, is itself', () => {
    expect(bind('plain text', scope)).toBe('plain text');
    expect(bind(42, scope)).toBe(42);
    expect(bind({ a: 1 }, scope)).toEqual({ a: 1 });
  });

  it('arrays are bound item by item', () => {
    expect(bind(['${card.n}', 'x', 5], scope)).toEqual([3, 'x', 5]);
  });

  it('one binding alone keeps its type; text around it makes a string, missing values empty', () => {
    expect(value('card.n')).toBe(3);
    expect(value('card.list')).toEqual(['a', 'b']);
    expect(bind('n=${card.n}, missing=${card.nope}, nil=${card.nil}.', scope)).toBe('n=3, missing=, nil=.');
  });

  it('literals: numbers, strings in either quotes, true, false, null', () => {
    expect(value('12.5')).toBe(12.5);
    expect(value("'single'")).toBe('single');
    expect(value('"double"')).toBe('double');
    expect(value('true')).toBe(true);
    expect(value('false')).toBe(false);
    expect(value('null')).toBe(null);
  });

  it('paths: names, dots and [index], missing on the way gives undefined', () => {
    expect(value('card.kind')).toBe('menu');
    expect(value('card.list[1]')).toBe('b');
    expect(value("card['kind']")).toBe('menu');
    expect(value('card.kind.toString')).toBeUndefined();
    expect(value('card.nil.x')).toBeUndefined();
    expect(value('missing.x.y')).toBeUndefined();
    expect(value('card.list[card.n - 2]')).toBe('b');
  });

  it('comparisons', () => {
    expect(value("card.kind == 'menu'")).toBe(true);
    expect(value("card.kind != 'menu'")).toBe(false);
    expect(value('card.n < 3')).toBe(false);
    expect(value('card.n > 2')).toBe(true);
    expect(value('card.n <= 3')).toBe(true);
    expect(value('card.n >= 4')).toBe(false);
    expect(value('1 < 2 == true')).toBe(true);
  });

  it('&&, || and ! with APL truthiness (0, empty, null and undefined are false)', () => {
    expect(value('flag && card.n')).toBe(3);
    expect(value('card.zero && card.n')).toBe(0);
    expect(value('card.empty || card.kind')).toBe('menu');
    expect(value('card.n || card.kind')).toBe(3);
    expect(value('!card.nil')).toBe(true);
    expect(value('!!card.kind')).toBe(true);
    expect(value('!card.zero && !(card.empty || false)')).toBe(true);
  });

  it('the ternary, nested, and with parentheses', () => {
    expect(value("card.n == 3 ? 'three' : 'other'")).toBe('three');
    expect(value("card.n == 4 ? 'four' : card.n == 3 ? 'three' : 'other'")).toBe('three');
    expect(value('(flag ? 1 : 2) + 1')).toBe(2);
  });

  it('arithmetic with precedence, unary minus, and + joining strings', () => {
    expect(value('1 + 2 * 3 - 4 / 2')).toBe(5);
    expect(value('(1 + 2) * 3 % 4')).toBe(1);
    expect(value('-card.n + 1')).toBe(-2);
    expect(value("'Step ' + card.n")).toBe('Step 3');
    expect(value("card.nope + 'x' + card.nil")).toBe('x');
    expect(value('  card.n  ')).toBe(3);
  });

  it.each([
    ['card.n # 2', 'APL expression not understood at " # 2"'],
    ['1 2', 'APL expression has more after it: 1 2'],
    ['flag ? 1', 'APL expression: ? without :'],
    ['card.1', 'APL expression: a name must follow "."'],
    ['card.list[0', 'APL expression: [ without ]'],
    ['1 +', 'APL expression ends too soon'],
    ['(1 + 2', 'APL expression: ( without )'],
    [')', 'APL expression: unexpected ")"'],
  ])('"%s" is an error: %s', (source, message) => {
    expect(() => value(source)).toThrow(message);
  });
});
