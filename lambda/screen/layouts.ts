/**
 * One layout per kind of view, each in two forms: wide (Echo Show 5, 8, 10, 15, hubs) with the
 * buttons in a row at the bottom, and narrow (round Echo Spot, small screens) as one scrolling
 * column with full-width buttons. Each is chosen by `when` on the datasource's kind and the viewport.
 */
import { SCREEN_EVENTS, type ScreenCommand, START_EVENT } from './events';
import {
  type AplObject,
  bodyDrawing,
  bound,
  buttonBar,
  COLOURS,
  column,
  NARROW,
  progressBar,
  row,
  text,
} from './parts';

/** The Pager that shows a routine's pages, turned by the schedule in time with the speech. */
export const PAGER_ID = 'stepPager';

/**
 * The most pages one card turns through. A routine answer speaks each step at most once, so a
 * routine with at most this many steps always fits (test/screen checks the catalogue).
 */
export const MAX_PAGES = 12;

/** The buttons each view shows. Warning and closing show none: nothing there may restart a massage. */
export const VIEW_BUTTONS = {
  routine: ['pause', 'back', 'next', 'lighter', 'hurts'],
  halted: ['carryOn', 'next', 'stop'],
  paused: ['resume', 'stop'],
  labour: ['stop'],
  warning: [],
  closing: [],
} as const satisfies Readonly<Record<string, readonly ScreenCommand[]>>;

function isKind(kind: string): string {
  return `payload.card.kind == '${kind}'`;
}

/** The two forms of a view with buttons: wide and narrow. */
function shell(kind: keyof typeof VIEW_BUTTONS, wide: AplObject, narrow: AplObject): AplObject[] {
  const buttons = VIEW_BUTTONS[kind];
  return [
    column([{ ...wide, grow: 1, shrink: 1 }, ...(buttons.length > 0 ? [buttonBar(buttons, false)] : [])], {
      when: `\${${isKind(kind)} && !(${NARROW})}`,
      width: '100%',
      height: '100%',
      padding: '@pad',
    }),
    {
      type: 'ScrollView',
      when: `\${${isKind(kind)} && (${NARROW})}`,
      width: '100%',
      height: '100%',
      item: column([narrow, ...(buttons.length > 0 ? [buttonBar(buttons, true)] : [])], {
        width: '100%',
        paddingLeft: '@sidePad',
        paddingRight: '@sidePad',
        paddingTop: '@pad',
        paddingBottom: '@pad',
      }),
    },
  ];
}

/** Turns the Pager to each later page when its speech begins: slot i waits schedule[i - 1] ms. */
function pageSchedule(): AplObject[] {
  return Array.from({ length: MAX_PAGES - 1 }, (_, index) => ({
    type: 'SetPage',
    when: `\${payload.card.pageCount > ${index + 1}}`,
    delay: `\${payload.card.schedule[${index}]}`,
    componentId: PAGER_ID,
    position: 'absolute',
    value: index + 1,
  }));
}

function stepPager(page: AplObject, height: string, grow: boolean): AplObject {
  return {
    type: 'Pager',
    id: PAGER_ID,
    width: '100%',
    height,
    ...(grow ? { grow: 1, shrink: 1 } : {}),
    navigation: 'none',
    data: bound('payload.card.pages'),
    items: [page],
    onMount: [{ type: 'Sequential', commands: pageSchedule() }],
  };
}

const stepLine = row([
  text(bound('data.stepOf'), { style: 'meta', grow: 1, maxLines: 1 }),
  text(bound('data.timeLeft'), { style: 'meta', maxLines: 1 }),
]);

const heading = (value: string, grow = 1) => text(value, { style: 'head', maxLines: 1, grow });

function routine(): AplObject[] {
  const widePage = column(
    [
      stepLine,
      progressBar('data.progress'),
      row(
        [
          bodyDrawing('data', '@drawingSize'),
          column(
            [
              text(bound('data.title'), { style: 'title', maxLines: 2 }),
              text(bound('data.shown'), { maxLines: 5, spacing: '@gap' }),
            ],
            { grow: 1, shrink: 1, paddingLeft: '@pad' },
          ),
        ],
        { grow: 1, shrink: 1, spacing: '@gap' },
      ),
    ],
    { width: '100%', height: '100%' },
  );
  const narrowPage = column(
    [
      stepLine,
      progressBar('data.progress'),
      text(bound('data.title'), { style: 'title', maxLines: 2, spacing: '@gap' }),
      text(bound('data.shown'), { maxLines: 6, spacing: '@gap' }),
      { ...bodyDrawing('data', '@drawingSize'), spacing: '@gap', alignSelf: 'center' },
    ],
    { width: '100%', height: '100%' },
  );
  const top = row([
    heading(bound('payload.card.heading')),
    text(bound('payload.card.pressure'), { style: 'meta', maxLines: 1 }),
  ]);
  return shell(
    'routine',
    column([top, stepPager(widePage, '1dp', true)], { width: '100%' }),
    column([top, stepPager(narrowPage, '@narrowPageHeight', false)], { width: '100%' }),
  );
}

/** A routine stopped or paused at a step: the step and the drawing, then what to do. */
function atStep(kind: 'halted' | 'paused', lines: readonly AplObject[]): AplObject[] {
  const top = row([
    heading(bound('payload.card.heading')),
    text(bound('payload.card.stepOf'), { style: 'meta', maxLines: 1 }),
  ]);
  return shell(
    kind,
    column(
      [
        top,
        row([bodyDrawing('payload.card', '@drawingSize'), column(lines, { grow: 1, shrink: 1, paddingLeft: '@pad' })], {
          grow: 1,
          shrink: 1,
        }),
      ],
      { width: '100%' },
    ),
    column([top, ...lines, { ...bodyDrawing('payload.card', '@drawingSize'), alignSelf: 'center', spacing: '@gap' }], {
      width: '100%',
    }),
  );
}

function halted(): AplObject[] {
  return atStep('halted', [
    text(bound('payload.card.title'), { style: 'meta', maxLines: 2 }),
    text(bound('payload.card.action'), { style: 'action', maxLines: 5, spacing: '@gap' }),
  ]);
}

function paused(): AplObject[] {
  return atStep('paused', [
    text(bound('payload.card.pausedAt'), { style: 'action', maxLines: 2 }),
    text(bound('payload.card.title'), { style: 'bodySoft', maxLines: 3, spacing: '@gap' }),
  ]);
}

function labour(): AplObject[] {
  const line = text(bound('payload.card.line'), { style: 'action' });
  return shell('labour', column([line], { width: '100%', justifyContent: 'center' }), line);
}

function closing(): AplObject[] {
  const lines = [
    heading(bound('payload.card.heading'), 0),
    text(bound('payload.card.line'), { style: 'action', spacing: '@gap' }),
  ];
  return shell('closing', column(lines, { width: '100%', justifyContent: 'center' }), column(lines));
}

/** A warning sign: the action, big; for tier 1 the emergency number, bigger; red ground for tier 1. */
function warning(): AplObject[] {
  const lines = column(
    [
      text(bound('payload.card.action'), { style: 'action', align: 'center' }),
      text(bound('payload.card.number'), {
        when: 'payload.card.hasNumber',
        style: 'number',
        align: 'center',
        spacing: '@gap',
      }),
      text(bound('payload.card.detail'), { style: 'bodySoft', align: 'center', spacing: '@pad' }),
    ],
    { width: '100%', alignItems: 'center', paddingLeft: '@sidePad', paddingRight: '@sidePad', paddingTop: '@pad' },
  );
  return [
    {
      type: 'Frame',
      when: `\${${isKind('warning')}}`,
      width: '100%',
      height: '100%',
      backgroundColor: bound(`payload.card.tier == 1 ? '${COLOURS.alarm}' : '${COLOURS.ground}'`),
      item: { type: 'ScrollView', width: '100%', height: '100%', item: lines },
    },
  ];
}

/** The routines as touchable items; the paused one first, to resume. */
function menu(): AplObject[] {
  const item = (args: readonly string[], name: string, detail: string, when?: string): AplObject => ({
    type: 'TouchWrapper',
    ...(when ? { when: `\${${when}}` } : {}),
    accessibilityLabel: name,
    role: 'button',
    width: '100%',
    minHeight: '@buttonHeight',
    spacing: '@gap',
    onPress: [{ type: 'SendEvent', arguments: [...args] }],
    item: {
      type: 'Frame',
      width: '100%',
      minHeight: '@buttonHeight',
      backgroundColor: COLOURS.button,
      borderRadius: '@radius',
      item: column([text(name, { style: 'item', maxLines: 2 }), text(detail, { style: 'meta', maxLines: 3 })], {
        width: '100%',
        padding: '@gap',
        justifyContent: 'center',
      }),
    },
  });
  return [
    {
      type: 'ScrollView',
      when: `\${${isKind('menu')}}`,
      width: '100%',
      height: '100%',
      item: column(
        [
          heading(bound('payload.card.heading'), 0),
          item(
            SCREEN_EVENTS.resume,
            bound('payload.card.resume.label'),
            bound('payload.card.resume.detail'),
            'payload.card.hasResume',
          ),
          column([item([START_EVENT, bound('data.id')], bound('data.name'), bound('data.summary'))], {
            width: '100%',
            data: bound('payload.card.routines'),
          }),
        ],
        {
          width: '100%',
          paddingLeft: '@sidePad',
          paddingRight: '@sidePad',
          paddingTop: '@pad',
          paddingBottom: '@pad',
        },
      ),
    },
  ];
}

/** Every layout, each with its `when`: exactly one is inflated for any card and viewport. */
export function layouts(): AplObject[] {
  return [...routine(), ...halted(), ...paused(), ...warning(), ...menu(), ...closing(), ...labour()];
}
