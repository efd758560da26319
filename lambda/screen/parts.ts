/**
 * The pieces every card is made of, as plain APL core components: text, buttons, the progress bar
 * and the body drawing. Sizes come from the document's resources (`@name`), which change with the
 * viewport; colours are high-contrast on a dark ground, readable from a bed or a sofa.
 */
import type { ScreenCommand } from './events';
import { SCREEN_EVENTS } from './events';

/** An APL component or command as JSON. */
export type AplObject = { readonly [key: string]: unknown };

/** True on a round screen or a narrow one (Echo Spot, small hubs): one scrolling column. */
export const NARROW = "viewport.shape == 'round' || viewport.width < 720";

/** An APL data-binding expression: `${expression}`. */
export function bound(expression: string): string {
  return `\${${expression}}`;
}

export const COLOURS = {
  ground: '#101418',
  text: '#FFFFFF',
  soft: '#D5DBE1',
  button: '#2B3A48',
  hurts: '#B3261E',
  track: '#3A4654',
  bar: '#E8804F',
  alarm: '#8C1D18',
} as const;

/** The kinds of text on a card, as document styles: size, colour and weight. */
export const TEXT_STYLES = {
  head: { fontSize: '@headSize', color: COLOURS.text, fontWeight: 'bold' },
  title: { fontSize: '@titleSize', color: COLOURS.text, fontWeight: 'bold' },
  action: { fontSize: '@actionSize', color: COLOURS.text, fontWeight: 'bold' },
  number: { fontSize: '@numberSize', color: COLOURS.text, fontWeight: 'bold' },
  item: { fontSize: '@buttonSize', color: COLOURS.text, fontWeight: 'bold' },
  body: { fontSize: '@bodySize', color: COLOURS.text, fontWeight: 'normal' },
  bodySoft: { fontSize: '@bodySize', color: COLOURS.soft, fontWeight: 'normal' },
  meta: { fontSize: '@metaSize', color: COLOURS.soft, fontWeight: 'normal' },
} as const;
export type TextStyle = keyof typeof TEXT_STYLES;

/** The styles as the document's `styles`. */
export function documentStyles(): AplObject {
  return Object.fromEntries(Object.entries(TEXT_STYLES).map(([name, values]) => [name, { values }]));
}

export interface TextOptions {
  readonly style?: TextStyle;
  readonly maxLines?: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly when?: string;
  readonly grow?: number;
  readonly spacing?: string;
}

/** A Text bound to a value of the datasource (a `${...}` expression) or a literal, in a style (body if none). */
export function text(value: string, options: TextOptions = {}): AplObject {
  return {
    type: 'Text',
    ...(options.when ? { when: bound(options.when) } : {}),
    style: options.style ?? 'body',
    text: value,
    ...(options.align ? { textAlign: options.align } : {}),
    ...(options.maxLines ? { maxLines: options.maxLines } : {}),
    ...(options.grow ? { grow: options.grow, shrink: 1 } : {}),
    ...(options.spacing ? { spacing: options.spacing } : {}),
  };
}

/** A column of components. */
export function column(items: readonly AplObject[], extra: AplObject = {}): AplObject {
  return { type: 'Container', direction: 'column', ...extra, items };
}

/** A row of components, centred across. */
export function row(items: readonly AplObject[], extra: AplObject = {}): AplObject {
  return { type: 'Container', direction: 'row', alignItems: 'center', ...extra, items };
}

/** The document's one layout for a command button: every view's buttons are instances of it. */
export const BUTTON_LAYOUT = 'CardButton';

/** A large touch target, at least @buttonHeight (96 dp or more) tall, that sends one command. */
const cardButton: AplObject = {
  description: 'A large touch button that sends one command from the fixed vocabulary.',
  parameters: [
    { name: 'label', type: 'string' },
    { name: 'command', type: 'string' },
    { name: 'tone', type: 'color', default: COLOURS.button },
    { name: 'stretch', type: 'boolean', default: false },
  ],
  items: [
    {
      type: 'TouchWrapper',
      accessibilityLabel: bound('label'),
      role: 'button',
      width: bound("stretch ? '100%' : '1dp'"),
      grow: bound('stretch ? 0 : 1'),
      shrink: 1,
      height: '@buttonHeight',
      spacing: '@gap',
      onPress: [{ type: 'SendEvent', arguments: [bound('command')] }],
      item: {
        type: 'Frame',
        width: '100%',
        height: '100%',
        backgroundColor: bound('tone'),
        borderRadius: '@radius',
        item: {
          type: 'Text',
          width: '100%',
          height: '100%',
          text: bound('label'),
          fontSize: '@buttonSize',
          fontWeight: 'bold',
          color: COLOURS.text,
          textAlign: 'center',
          textAlignVertical: 'center',
          maxLines: 2,
        },
      },
    },
  ],
};

/** The document's own layouts. */
export const CUSTOM_LAYOUTS: Readonly<Record<string, AplObject>> = { [BUTTON_LAYOUT]: cardButton };

/** A button for one of the fixed commands, labelled from the datasource's labels. */
export function commandButton(command: ScreenCommand, options: { readonly stretch?: boolean } = {}): AplObject {
  const [sent] = SCREEN_EVENTS[command];
  return {
    type: BUTTON_LAYOUT,
    label: bound(`payload.card.labels.${command}`),
    command: sent,
    ...(command === 'hurts' ? { tone: COLOURS.hurts } : {}),
    ...(options.stretch ? { stretch: true } : {}),
  };
}

/** The buttons: a row on a wide screen; on a narrow one, a column of full-width buttons. */
export function buttonBar(commands: readonly ScreenCommand[], narrow: boolean): AplObject {
  const buttons = commands.map((command) => commandButton(command, { stretch: narrow }));
  return narrow
    ? column(buttons, { width: '100%', spacing: '@gap' })
    : row(buttons, { width: '100%', spacing: '@gap' });
}

/** The routine's progress, `value` a binding to a number 0–100. */
export function progressBar(value: string): AplObject {
  return {
    type: 'Frame',
    width: '100%',
    height: '@barHeight',
    spacing: '@gap',
    backgroundColor: COLOURS.track,
    borderRadius: '@barHeight',
    item: {
      type: 'Frame',
      width: `\${${value}}%`,
      height: '100%',
      backgroundColor: COLOURS.bar,
      borderRadius: '@barHeight',
    },
  };
}

/**
 * The body drawing with the area marked, and the area's name under it. `scope` is where the
 * bodyView, area and areaLabel fields are (`payload.card` or `data`).
 */
export function bodyDrawing(scope: string, size: string): AplObject {
  return column(
    [
      {
        type: 'VectorGraphic',
        source: `\${${scope}.bodyView}`,
        highlight: `\${${scope}.area}`,
        width: size,
        height: size,
        scale: 'best-fit',
        align: 'center',
        accessibilityLabel: `\${${scope}.areaLabel}`,
      },
      text(`\${${scope}.areaLabel}`, { style: 'meta', align: 'center', maxLines: 2 }),
    ],
    { alignItems: 'center', width: size, shrink: 0 },
  );
}
