/**
 * The AVG building blocks the body drawings share: the types, the colours, the fill bound to the
 * `highlight` parameter, and small helpers that keep the path data short (all coordinates absolute,
 * so a shape drawn once for one side of the body is mirrored for the other).
 */
import type { BodyArea } from '../../core/body';

/** An AVG item: a path, group or text (the subset the drawings use). */
export type AvgItem = Readonly<Record<string, unknown>>;

/** An AVG graphic as an APL document's `graphics` holds it. */
export interface AvgGraphic {
  readonly type: 'AVG';
  readonly version: '1.2';
  readonly width: number;
  readonly height: number;
  readonly viewportWidth?: number;
  readonly viewportHeight?: number;
  readonly parameters: readonly { readonly name: string; readonly type: string; readonly default: string }[];
  readonly items: readonly AvgItem[];
}

/** The colour of the marked area and of the rest. */
export const MARKED = '#E8804F';
export const UNMARKED = '#D9D4CE';

/** The parts of her that no step works (head, forearms, feet in the side view), a shade darker. */
export const REST = '#B5ADA6';
/** Hair, and what is around her (stool, pillow). */
export const HAIR = '#7C6A5D';
export const PROP = '#3A4654';
/** The outline every shape carries, so the unmarked body still reads as a body. */
export const LINE = '#5E544D';

/** A fill that is MARKED when `highlight` names this area. */
export function fillFor(area: BodyArea): string {
  return `\${highlight == '${area}' ? '${MARKED}' : '${UNMARKED}'}`;
}

/** A filled, outlined shape. */
export function shape(pathData: string, fill: string, strokeWidth = 1.5): AvgItem {
  return { type: 'path', pathData, fill, stroke: LINE, strokeWidth };
}

/** The shape of one area: its fill marks it when `highlight` names it. */
export function area(name: BodyArea, pathData: string): AvgItem {
  return shape(pathData, fillFor(name));
}

/** A drawing: `size` wide and high in dp, its own coordinates `viewport` wide and high. */
export function graphic(viewport: readonly [number, number], items: readonly AvgItem[]): AvgGraphic {
  const [viewportWidth, viewportHeight] = viewport;
  return {
    type: 'AVG',
    version: '1.2',
    width: viewportWidth,
    height: viewportHeight,
    viewportWidth,
    viewportHeight,
    parameters: [{ name: 'highlight', type: 'string', default: '' }],
    items,
  };
}

/** A closed ellipse as path data. */
export function ellipse(cx: number, cy: number, rx: number, ry = rx): string {
  return `M${cx - rx},${cy}A${rx},${ry} 0 1 0 ${cx + rx},${cy}A${rx},${ry} 0 1 0 ${cx - rx},${cy}Z`;
}

const ARGUMENTS: Readonly<Record<string, number>> = { M: 2, L: 2, H: 1, V: 1, C: 6, Q: 4, S: 4, A: 7, Z: 0 };

/**
 * Path data mirrored left to right about x = axis / 2 (absolute commands only): a shape drawn for
 * one hand, foot or arm becomes the other's.
 */
export function mirrored(pathData: string, axis: number): string {
  const parts = pathData.match(/[A-Za-z]|-?\d*\.?\d+/g) ?? [];
  let out = '';
  let command = '';
  let index = 0;
  for (const part of parts) {
    if (/[A-Za-z]/.test(part)) {
      if (!(part in ARGUMENTS)) throw new Error(`mirrored: only absolute commands, not ${part}`);
      command = part;
      index = 0;
      out += part;
      continue;
    }
    const count = ARGUMENTS[command] ?? 0;
    const slot = count === 0 ? 0 : index % count;
    let value = Number(part);
    const isX = command === 'H' || (command === 'A' ? slot === 5 : command !== 'V' && slot % 2 === 0);
    if (isX) value = axis - value;
    if (command === 'A' && slot === 4) value = 1 - value;
    out += `${index % count === 0 && out.endsWith(command) ? '' : ' '}${value}`;
    index += 1;
  }
  return out.replace(/ (?=-)/g, '').replace(/([A-Za-z]) /g, '$1');
}

/** A path for both sides: the shape as drawn, then mirrored. */
export function bothSides(pathData: string, axis: number): string {
  return pathData + mirrored(pathData, axis);
}
