/**
 * What apl-suggester does not check, checked by inflating the document as a device would: the
 * layout each `when` picks for a card and a viewport, every `${...}` evaluated against the
 * datasource (a missing field fails), only known component types, properties and commands, valid
 * dimensions and colours, text never empty where shown, and what each button sends.
 */
import { MARKED } from '../../lambda/screen/body-graphics';

type Json = { readonly [key: string]: unknown };

export interface Viewport {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly shape: 'round' | 'rectangle';
}

/** The common screens: Echo Spot, Echo Show 5, 8, 10, 15 and a hub, in dp. */
export const VIEWPORTS: readonly Viewport[] = [
  { name: 'Echo Spot', width: 480, height: 480, shape: 'round' },
  { name: 'Echo Show 5', width: 960, height: 480, shape: 'rectangle' },
  { name: 'Echo Show 8', width: 1280, height: 800, shape: 'rectangle' },
  { name: 'Echo Show 15', width: 1920, height: 1080, shape: 'rectangle' },
  { name: 'Hub', width: 1024, height: 600, shape: 'rectangle' },
];

const COMMON = [
  'type',
  'id',
  'when',
  'description',
  'width',
  'height',
  'minWidth',
  'maxWidth',
  'minHeight',
  'maxHeight',
  'padding',
  'paddingLeft',
  'paddingRight',
  'paddingTop',
  'paddingBottom',
  'spacing',
  'grow',
  'shrink',
  'alignSelf',
  'accessibilityLabel',
  'role',
  'opacity',
  'display',
  'onMount',
  'style',
];
const MULTI = ['items', 'data', 'firstItem', 'lastItem'];

/** Core components and the properties this document may give them (APL 2024.2). */
export const KNOWN_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  Container: [...COMMON, ...MULTI, 'direction', 'alignItems', 'justifyContent', 'wrap', 'numbered'],
  Frame: [...COMMON, 'item', 'items', 'backgroundColor', 'borderColor', 'borderWidth', 'borderRadius'],
  Text: [
    ...COMMON,
    'text',
    'color',
    'fontSize',
    'fontWeight',
    'fontFamily',
    'fontStyle',
    'lineHeight',
    'maxLines',
    'textAlign',
    'textAlignVertical',
    'letterSpacing',
  ],
  TouchWrapper: [...COMMON, 'item', 'items', 'onPress', 'onDown', 'onUp'],
  VectorGraphic: [...COMMON, 'source', 'scale', 'align', 'onPress'],
  ScrollView: [...COMMON, 'item', 'items', 'onScroll'],
  Sequence: [...COMMON, ...MULTI, 'scrollDirection', 'numbered', 'onScroll'],
  Pager: [...COMMON, ...MULTI, 'initialPage', 'navigation', 'onPageChanged', 'pageDirection'],
};
const SINGLE_CHILD = new Set(['Frame', 'TouchWrapper', 'ScrollView']);
const COMMAND_PROPS = new Set(['onMount', 'onPress', 'onDown', 'onUp', 'onScroll', 'onPageChanged']);

/** Commands and their properties. */
export const KNOWN_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  SendEvent: ['arguments', 'components'],
  Sequential: ['commands', 'catch', 'finally', 'repeatCount'],
  Parallel: ['commands'],
  Idle: [],
  SetPage: ['componentId', 'position', 'value'],
};
const COMMAND_COMMON = ['type', 'when', 'delay', 'description', 'screenLock', 'sequencer'];

const ENUMS: Readonly<Record<string, readonly string[]>> = {
  direction: ['row', 'column', 'rowReverse', 'columnReverse'],
  alignItems: ['start', 'end', 'center', 'baseline', 'stretch'],
  alignSelf: ['auto', 'start', 'end', 'center', 'baseline', 'stretch'],
  justifyContent: ['start', 'end', 'center', 'spaceBetween', 'spaceAround', 'spaceEvenly'],
  textAlign: ['auto', 'left', 'right', 'center', 'start', 'end'],
  textAlignVertical: ['auto', 'top', 'bottom', 'center'],
  fontWeight: ['normal', 'bold', '100', '200', '300', '400', '500', '600', '700', '800', '900'],
  navigation: ['normal', 'none', 'wrap', 'forward-only'],
  scale: ['none', 'fill', 'best-fit', 'best-fill'],
  align: ['center', 'top', 'bottom', 'left', 'right', 'top-left', 'top-right', 'bottom-left', 'bottom-right'],
  role: ['button', 'header', 'text', 'image', 'link', 'list', 'listitem', 'none'],
  position: ['absolute', 'relative'],
};
const DIMENSIONS = new Set([
  'width',
  'height',
  'minWidth',
  'maxWidth',
  'minHeight',
  'maxHeight',
  'padding',
  'paddingLeft',
  'paddingRight',
  'paddingTop',
  'paddingBottom',
  'spacing',
  'fontSize',
  'borderRadius',
  'borderWidth',
]);
const DIMENSION = /^(auto|-?\d+(\.\d+)?(dp|px|vw|vh|%)?)$/;
const COLOUR = /^#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$/;

/** An object whose missing fields throw, so a binding to a field the datasource lacks fails. */
function strict(value: unknown, path: string): unknown {
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value as object, {
    get(target, key) {
      if (typeof key === 'symbol') return Reflect.get(target, key);
      if (!(key in target)) throw new Error(`${path}.${key} is not in the datasource`);
      return strict(Reflect.get(target, key), `${path}.${key}`);
    },
  });
}

type Scope = Readonly<Record<string, unknown>>;

const COMPILED = new Map<string, (...args: unknown[]) => unknown>();

/** Evaluates one APL expression (the subset the document uses is also JavaScript) in a scope. */
function evaluateExpression(expression: string, scope: Scope): unknown {
  if (/[;{}=]=?>|\bnew\b|\bfunction\b|=>/.test(expression)) throw new Error(`not an APL expression: ${expression}`);
  const names = Object.keys(scope);
  const key = `${names.join(',')}|${expression}`;
  let compiled = COMPILED.get(key);
  if (!compiled) {
    compiled = new Function(...names, `"use strict"; return (${expression});`) as (...args: unknown[]) => unknown;
    COMPILED.set(key, compiled);
  }
  return compiled(...names.map((name) => scope[name]));
}

/** A property's value: `@resource`, a single `${...}`, or text with bindings inside. */
export function evaluate(value: unknown, scope: Scope, resources: Scope): unknown {
  if (typeof value !== 'string') return value;
  if (/^@\w+$/.test(value)) {
    const name = value.slice(1);
    if (!(name in resources)) throw new Error(`no resource ${value}`);
    return resources[name];
  }
  const whole = /^\$\{([^}]*)\}$/.exec(value);
  if (whole) return evaluateExpression(whole[1] ?? '', scope);
  return value.replace(/\$\{([^}]*)\}/g, (_, expression: string) => String(evaluateExpression(expression, scope)));
}

/** The resources a viewport gets: each block whose `when` holds, in order. */
export function resourcesFor(document: Json, viewport: Viewport): Scope {
  const found: Record<string, unknown> = {};
  for (const block of (document.resources ?? []) as Json[]) {
    if (block.when !== undefined && !evaluate(block.when, { viewport }, {})) continue;
    for (const group of ['dimensions', 'colors', 'strings', 'numbers']) Object.assign(found, block[group] ?? {});
  }
  return found;
}

export interface Inflated {
  readonly problems: string[];
  /** Every component inflated: its type and evaluated properties. */
  readonly components: { readonly type: string; readonly path: string; readonly props: Scope }[];
  /** What each inflated button would send. */
  readonly events: (readonly unknown[])[];
  /** SetPage commands that would run: when and to which page. */
  readonly pageTurns: { readonly delay: number; readonly value: number; readonly pages: number }[];
}

/** Inflates the document for a card's datasource on a viewport, collecting what does not hold. */
export function inflate(document: Json, datasources: Json, viewport: Viewport): Inflated {
  const out: Inflated = { problems: [], components: [], events: [], pageTurns: [] };
  const resources = resourcesFor(document, viewport);
  const graphics = (document.graphics ?? {}) as Record<string, Json>;
  const layouts = (document.layouts ?? {}) as Record<string, Json>;
  const styles = (document.styles ?? {}) as Record<string, Json>;
  const pagesOf = new Map<string, number>();

  const attempt = <T>(path: string, run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      out.problems.push(`${path}: ${(error as Error).message}`);
      return undefined;
    }
  };
  const holds = (item: Json, scope: Scope, path: string): boolean =>
    item.when === undefined || Boolean(attempt(`${path}/when`, () => evaluate(item.when, scope, resources)));

  function commands(list: unknown, scope: Scope, path: string): void {
    for (const [index, command] of (Array.isArray(list) ? list : [list]).entries()) {
      const here = `${path}[${index}]`;
      const type = String((command as Json).type);
      const known = KNOWN_COMMANDS[type];
      if (!known) {
        out.problems.push(`${here}: unknown command ${type}`);
        continue;
      }
      for (const key of Object.keys(command as Json)) {
        if (![...COMMAND_COMMON, ...known].includes(key)) out.problems.push(`${here}: ${type} has no ${key}`);
      }
      if (!holds(command as Json, scope, here)) continue;
      const value = (key: string) =>
        attempt(`${here}/${key}`, () => evaluate((command as Json)[key], scope, resources));
      const delay = value('delay');
      if (delay !== undefined && (typeof delay !== 'number' || !Number.isFinite(delay) || delay < 0)) {
        out.problems.push(`${here}: delay ${String(delay)} is not a number of ms`);
      }
      if (type === 'Sequential' || type === 'Parallel') commands((command as Json).commands, scope, `${here}/commands`);
      if (type === 'SendEvent') {
        const args = attempt(`${here}/arguments`, () =>
          ((command as Json).arguments as unknown[]).map((arg) => evaluate(arg, scope, resources)),
        );
        out.events.push(args ?? []);
      }
      if (type === 'SetPage') {
        const pages = pagesOf.get(String((command as Json).componentId));
        if (pages === undefined) out.problems.push(`${here}: no Pager ${String((command as Json).componentId)}`);
        out.pageTurns.push({ delay: Number(delay ?? 0), value: Number(value('value')), pages: pages ?? 0 });
      }
    }
  }

  /** A layout of the document's own: its parameters from the caller, then its items in a scope of their own. */
  function custom(item: Json, layout: Json, scope: Scope, path: string): boolean {
    const type = String(item.type);
    if (!holds(item, scope, path)) return false;
    const parameters = ((layout.parameters ?? []) as (Json | string)[]).map((p) =>
      typeof p === 'string' ? { name: p } : p,
    );
    const names = parameters.map((p) => String(p.name));
    for (const key of Object.keys(item)) {
      if (!['type', 'when', ...names].includes(key)) out.problems.push(`${path}: ${type} has no parameter ${key}`);
    }
    const inner: Record<string, unknown> = { viewport: scope.viewport };
    for (const parameter of parameters) {
      const name = String(parameter.name);
      if (name in item) inner[name] = attempt(`${path}/${name}`, () => evaluate(item[name], scope, resources));
      else if ('default' in parameter) inner[name] = parameter.default;
      else out.problems.push(`${path}: ${type} needs ${name}`);
    }
    const children = layout.items ?? layout.item;
    const list = (Array.isArray(children) ? children : children ? [children] : []) as Json[];
    if (!list.some((child, index) => component(child, inner, `${path}<${type}>/items[${index}]`))) {
      out.problems.push(`${path}: ${type} shows nothing`);
    }
    return true;
  }

  function component(item: Json, scope: Scope, path: string): boolean {
    const type = String(item.type);
    const layout = layouts[type];
    if (layout) return custom(item, layout, scope, path);
    const known = KNOWN_COMPONENTS[type];
    if (!known) {
      out.problems.push(`${path}: unknown component ${type}`);
      return true;
    }
    if (!holds(item, scope, path)) return false;
    const props: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(item)) {
      if (['items', 'item', 'data', 'when'].includes(key) || COMMAND_PROPS.has(key)) continue;
      props[key] = attempt(`${path}/${key}`, () => evaluate(raw, scope, resources));
    }
    if (item.style !== undefined) {
      const style = styles[String(item.style)];
      if (!style) out.problems.push(`${path}: no style ${String(item.style)}`);
      const blocks = (Array.isArray(style?.values) ? style.values : [style?.values ?? {}]) as Json[];
      for (const block of blocks) {
        if (!holds(block, scope, `${path}/style`)) continue;
        for (const [key, raw] of Object.entries(block)) {
          if (key === 'when') continue;
          if (!known.includes(key))
            out.problems.push(`${path}: style ${String(item.style)} sets ${key}, which ${type} has not`);
          if (!(key in item)) props[key] = attempt(`${path}/style/${key}`, () => evaluate(raw, scope, resources));
        }
      }
    }
    const graphic = type === 'VectorGraphic' ? graphics[String(props.source)] : undefined;
    const parameters = ((graphic?.parameters ?? []) as Json[]).map((p) => String(p.name));
    for (const key of Object.keys(item)) {
      if (!known.includes(key) && !parameters.includes(key)) out.problems.push(`${path}: ${type} has no ${key}`);
    }
    checkValues(type, props, path, graphic, out.problems);
    out.components.push({ type, path, props });
    const children = item.items ?? item.item;
    const list = (Array.isArray(children) ? children : children ? [children] : []) as Json[];
    const first = (childScope: Scope, childPath: string) =>
      list.some((child, index) => component(child, childScope, `${childPath}/items[${index}]`));
    if (item.data !== undefined) {
      const data = attempt(`${path}/data`, () => evaluate(item.data, scope, resources));
      const array = Array.isArray(data) ? data : [];
      if (!Array.isArray(data)) out.problems.push(`${path}: data is not an array`);
      array.forEach((element, index) => {
        first({ ...scope, data: element, index }, `${path}/data[${index}]`);
      });
      if (type === 'Pager') pagesOf.set(String(props.id), array.length);
    } else if (SINGLE_CHILD.has(type)) {
      if (list.length > 0 && !first(scope, path)) out.problems.push(`${path}: no child is shown`);
    } else {
      for (const [index, child] of list.entries()) component(child, scope, `${path}/items[${index}]`);
      if (type === 'Pager') pagesOf.set(String(props.id), list.length);
    }
    for (const key of Object.keys(item)) if (COMMAND_PROPS.has(key)) commands(item[key], scope, `${path}/${key}`);
    return true;
  }

  const main = document.mainTemplate as Json;
  const scope: Scope = {
    viewport,
    ...Object.fromEntries(((main.parameters ?? []) as string[]).map((name) => [name, strict(datasources, name)])),
  };
  const items = (main.items ?? []) as Json[];
  if (!items.some((item, index) => component(item, scope, `mainTemplate/items[${index}]`))) {
    out.problems.push('no main template item is shown');
  }
  return out;
}

function checkValues(type: string, props: Scope, path: string, graphic: Json | undefined, problems: string[]): void {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (DIMENSIONS.has(key) && !(typeof value === 'number' || DIMENSION.test(String(value)))) {
      problems.push(`${path}: ${key} ${String(value)} is not a dimension`);
    }
    if ((key === 'color' || key === 'backgroundColor' || key === 'borderColor') && !COLOUR.test(String(value))) {
      problems.push(`${path}: ${key} ${String(value)} is not a colour`);
    }
    const allowed = ENUMS[key];
    if (allowed && !allowed.includes(String(value))) problems.push(`${path}: ${key} ${String(value)} is not allowed`);
  }
  if (type === 'Text' && String(props.text ?? '').trim() === '') problems.push(`${path}: the text is empty`);
  if (type === 'TouchWrapper' && String(props.accessibilityLabel ?? '').trim() === '') {
    problems.push(`${path}: the button has no label`);
  }
  if (type === 'VectorGraphic') {
    if (!graphic) problems.push(`${path}: no graphic ${String(props.source)}`);
    const highlight = String(props.highlight ?? '');
    if (graphic && markedPaths(graphic, highlight).length === 0) {
      problems.push(`${path}: ${highlight} is none of the paths of ${String(props.source)}`);
    }
  }
}

/** Which paths of a graphic are MARKED for a value of `highlight` (the other parameters at their defaults). */
export function markedPaths(graphic: Json, highlight: string): string[] {
  const scope: Record<string, unknown> = {};
  for (const parameter of (graphic.parameters ?? []) as Json[]) scope[String(parameter.name)] = parameter.default;
  scope.highlight = highlight;
  const marked: string[] = [];
  const walk = (items: unknown, path: string) => {
    for (const [index, item] of ((items ?? []) as Json[]).entries()) {
      const fill = item.fill === undefined ? undefined : evaluate(item.fill, scope, {});
      if (item.type === 'path' && String(fill).toUpperCase() === MARKED.toUpperCase()) marked.push(`${path}[${index}]`);
      walk(item.items, `${path}[${index}]/items`);
    }
  };
  walk(graphic.items, 'items');
  return marked;
}

const AVG_ITEMS: Readonly<Record<string, readonly string[]>> = {
  path: [
    'type',
    'description',
    'fill',
    'fillOpacity',
    'fillTransform',
    'pathData',
    'pathLength',
    'stroke',
    'strokeDashArray',
    'strokeDashOffset',
    'strokeLineCap',
    'strokeLineJoin',
    'strokeMiterLimit',
    'strokeOpacity',
    'strokeTransform',
    'strokeWidth',
    'filters',
    'when',
  ],
  group: [
    'type',
    'description',
    'clipPath',
    'opacity',
    'rotation',
    'pivotX',
    'pivotY',
    'scaleX',
    'scaleY',
    'translateX',
    'translateY',
    'transform',
    'items',
    'filters',
    'when',
  ],
  text: [
    'type',
    'description',
    'fill',
    'fillOpacity',
    'fillTransform',
    'fontFamily',
    'fontSize',
    'fontStyle',
    'fontWeight',
    'letterSpacing',
    'stroke',
    'strokeOpacity',
    'strokeTransform',
    'strokeWidth',
    'text',
    'textAnchor',
    'x',
    'y',
    'filters',
    'when',
  ],
};
const PATH_DATA = /^[MmLlHhVvCcSsQqTtAaZz0-9eE.,+\s-]+$/;

/** What is wrong with an AVG graphic: its header, and items of known types, each path with pathData. */
export function graphicProblems(graphic: Json): string[] {
  const problems: string[] = [];
  if (graphic.type !== 'AVG') problems.push(`type ${String(graphic.type)}`);
  if (!['1.0', '1.1', '1.2'].includes(String(graphic.version))) problems.push(`version ${String(graphic.version)}`);
  for (const key of ['width', 'height']) {
    const size = graphic[key];
    if (!(typeof size === 'number' ? size > 0 : DIMENSION.test(String(size)))) problems.push(`${key} ${String(size)}`);
  }
  const walk = (items: unknown, path: string) => {
    if (!Array.isArray(items) || items.length === 0) problems.push(`${path}: no items`);
    for (const [index, item] of ((Array.isArray(items) ? items : []) as Json[]).entries()) {
      const here = `${path}[${index}]`;
      const known = AVG_ITEMS[String(item.type)];
      if (!known) {
        problems.push(`${here}: unknown item ${String(item.type)}`);
        continue;
      }
      for (const key of Object.keys(item))
        if (!known.includes(key)) problems.push(`${here}: ${String(item.type)} has no ${key}`);
      if (item.type === 'path' && !(typeof item.pathData === 'string' && PATH_DATA.test(item.pathData))) {
        problems.push(`${here}: pathData ${String(item.pathData)}`);
      }
      if (item.type === 'group') walk(item.items, `${here}/items`);
    }
  };
  walk(graphic.items, 'items');
  return problems;
}
