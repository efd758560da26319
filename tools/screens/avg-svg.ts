/**
 * Alexa Vector Graphics to SVG, for previews and tests: evaluates the bindings the body drawings use
 * (`${name == 'value' ? a : b}` over the graphic's parameters), and draws paths, groups (opacity and
 * transforms) and text. Pure: a graphic and parameter values in, an SVG document out.
 */
import type { AvgGraphic, AvgItem } from '../../lambda/screen/body-graphics';

export interface SvgOptions {
  /** Values of the graphic's parameters (e.g. `{ highlight: 'lowerBack' }`); the rest take their defaults. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Pixels per viewport unit. */
  readonly scale?: number;
  /** A background colour behind the drawing. */
  readonly background?: string;
}

type Scope = Readonly<Record<string, string>>;

const CONDITIONAL = /^\$\{\s*(\w+)\s*(==|!=)\s*'([^']*)'\s*\?\s*('[^']*'|-?[\d.]+)\s*:\s*('[^']*'|-?[\d.]+)\s*\}$/;

function literal(text: string): string {
  return text.startsWith("'") ? text.slice(1, -1) : text;
}

/** A property's value with its binding evaluated (the one form the drawings use). */
export function evaluate(value: unknown, scope: Scope): string {
  const text = String(value);
  if (!text.includes('${')) return text;
  const match = CONDITIONAL.exec(text.trim());
  if (!match) throw new Error(`avg-svg: unsupported binding ${text}`);
  const [, name = '', operator, compared, whenTrue = '', whenFalse = ''] = match;
  if (!(name in scope)) throw new Error(`avg-svg: unknown name ${name} in ${text}`);
  const equal = scope[name] === compared;
  return literal((operator === '==') === equal ? whenTrue : whenFalse);
}

function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attributes(pairs: readonly (readonly [string, unknown])[], scope: Scope): string {
  return pairs
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escaped(evaluate(value, scope))}"`)
    .join('');
}

function transform(item: AvgItem, scope: Scope): string | undefined {
  const number = (key: string, fallback: number) =>
    item[key] === undefined ? fallback : Number(evaluate(item[key], scope));
  const [tx, ty, px, py] = [number('translateX', 0), number('translateY', 0), number('pivotX', 0), number('pivotY', 0)];
  const [rotation, sx, sy] = [number('rotation', 0), number('scaleX', 1), number('scaleY', 1)];
  if (tx === 0 && ty === 0 && rotation === 0 && sx === 1 && sy === 1) return undefined;
  return `translate(${tx} ${ty}) translate(${px} ${py}) rotate(${rotation}) scale(${sx} ${sy}) translate(${-px} ${-py})`;
}

function item(avg: AvgItem, scope: Scope): string {
  switch (avg.type) {
    case 'path':
      return `<path${attributes(
        [
          ['d', avg.pathData],
          ['fill', avg.fill ?? 'none'],
          ['fill-opacity', avg.fillOpacity],
          ['stroke', avg.stroke ?? 'none'],
          ['stroke-width', avg.strokeWidth],
          ['stroke-opacity', avg.strokeOpacity],
          ['stroke-linecap', avg.strokeLineCap],
          ['stroke-linejoin', avg.strokeLineJoin],
        ],
        scope,
      )}/>`;
    case 'group': {
      const children = ((avg.items ?? []) as AvgItem[]).map((child) => item(child, scope)).join('');
      return `<g${attributes(
        [
          ['opacity', avg.opacity],
          ['transform', transform(avg, scope)],
        ],
        scope,
      )}>${children}</g>`;
    }
    case 'text':
      return `<text${attributes(
        [
          ['x', avg.x ?? 0],
          ['y', avg.y ?? 0],
          ['fill', avg.fill ?? 'black'],
          ['font-size', avg.fontSize ?? 40],
          ['font-family', avg.fontFamily ?? 'sans-serif'],
          ['text-anchor', avg.textAnchor ?? 'start'],
        ],
        scope,
      )}>${escaped(evaluate(avg.text ?? '', scope))}</text>`;
    default:
      throw new Error(`avg-svg: unknown item type ${String(avg.type)}`);
  }
}

/** The SVG document for a graphic with the given parameter values. */
export function avgToSvg(graphic: AvgGraphic, options: SvgOptions = {}): string {
  const scope: Record<string, string> = {};
  for (const parameter of graphic.parameters) scope[parameter.name] = parameter.default;
  Object.assign(scope, options.parameters ?? {});
  const viewportWidth = graphic.viewportWidth ?? graphic.width;
  const viewportHeight = graphic.viewportHeight ?? graphic.height;
  const scale = options.scale ?? 1;
  const width = Math.round(graphic.width * scale);
  const height = Math.round(graphic.height * scale);
  const background = options.background
    ? `<rect width="${viewportWidth}" height="${viewportHeight}" fill="${escaped(options.background)}"/>`
    : '';
  const body = graphic.items.map((avg) => item(avg, scope)).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${viewportWidth} ${viewportHeight}">${background}${body}</svg>`;
}
