/**
 * Reads an APL card the way a device would lay it out, without drawing it: the document inflated
 * with its datasources for one viewport, as the texts it shows, its pages (a Pager's, with when each
 * is turned to by the document's own commands) and its touch buttons with the SendEvent arguments
 * each sends. Used by the simulator to print a card and by tests to press its buttons.
 *
 * It follows the parts of APL the skill's card uses: data binding (`${…}` with paths, literals,
 * comparison, `&&`, `||`, `!`, `? :` and arithmetic), `when`, `data` arrays, the document's own
 * layouts with their parameters, the single-child rule of Frame, ScrollView and TouchWrapper, Pager
 * pages, and `SetPage` commands with `delay` in a `Sequential` on the Pager's `onMount`. No code is
 * evaluated: expressions are parsed here.
 */

/** One thing on the card, in document order. */
export type CardPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'button'; readonly label: string; readonly arguments: readonly unknown[] }
  | { readonly kind: 'pages'; readonly pages: readonly CardPage[] };

/** A Pager's page: what it shows, and when (ms after the card appears) the document turns to it. */
export interface CardPage {
  readonly atMs: number;
  readonly parts: readonly CardPart[];
}

export interface Viewport {
  readonly shape: 'rectangle' | 'round';
  readonly width: number;
  readonly height: number;
}

/** An Echo Show 8 (landscape, 1280 × 800 dp): the wide layouts. */
export const ECHO_SHOW: Viewport = { shape: 'rectangle', width: 1280, height: 800 };

// ---- expressions ----------------------------------------------------------------------------

type Scope = Readonly<Record<string, unknown>>;

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?)|'([^']*)'|"([^"]*)"|([A-Za-z_][A-Za-z0-9_]*)|(==|!=|<=|>=|&&|\|\||[<>!?:().[\]+\-*/%]))/y;

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'name'; value: string }
  | {
      kind: 'op';
      value: string;
    };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(source);
    if (!match) throw new Error(`APL expression not understood at "${source.slice(at, at + 20)}"`);
    at = TOKEN.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: 'number', value: Number(match[1]) });
    else if (match[2] !== undefined) tokens.push({ kind: 'string', value: match[2] });
    else if (match[3] !== undefined) tokens.push({ kind: 'string', value: match[3] });
    else if (match[4] !== undefined) tokens.push({ kind: 'name', value: match[4] });
    else if (match[5] !== undefined) tokens.push({ kind: 'op', value: match[5] });
  }
  return tokens;
}

function get(value: unknown, key: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value) && typeof key === 'number') return value[key];
  if (typeof value === 'object' && typeof key === 'string' && Object.hasOwn(value, key)) {
    return (value as Record<string, unknown>)[key];
  }
  return undefined;
}

function truthy(value: unknown): boolean {
  return !(value === undefined || value === null || value === false || value === 0 || value === '');
}

/** A recursive-descent evaluator for one expression, precedence as in APL (and JavaScript). */
class Expression {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly scope: Scope,
  ) {}

  static evaluate(source: string, scope: Scope): unknown {
    const expression = new Expression(tokenize(source), scope);
    const value = expression.conditional();
    if (expression.at < expression.tokens.length) throw new Error(`APL expression has more after it: ${source}`);
    return value;
  }

  private peek(value?: string): boolean {
    const token = this.tokens[this.at];
    return token?.kind === 'op' && (value === undefined || token.value === value);
  }

  private take(value: string): boolean {
    if (!this.peek(value)) return false;
    this.at += 1;
    return true;
  }

  private conditional(): unknown {
    const test = this.or();
    if (!this.take('?')) return test;
    const yes = this.conditional();
    if (!this.take(':')) throw new Error('APL expression: ? without :');
    const no = this.conditional();
    return truthy(test) ? yes : no;
  }

  private or(): unknown {
    let value = this.and();
    while (this.take('||')) {
      const right = this.and();
      value = truthy(value) ? value : right;
    }
    return value;
  }

  private and(): unknown {
    let value = this.comparison();
    while (this.take('&&')) {
      const right = this.comparison();
      value = truthy(value) ? right : value;
    }
    return value;
  }

  private comparison(): unknown {
    let value = this.sum();
    for (;;) {
      const token = this.tokens[this.at];
      if (token?.kind !== 'op' || !['==', '!=', '<', '>', '<=', '>='].includes(token.value)) return value;
      this.at += 1;
      const right = this.sum();
      const [a, b] = [value as number, right as number];
      value =
        token.value === '=='
          ? value === right
          : token.value === '!='
            ? value !== right
            : token.value === '<'
              ? a < b
              : token.value === '>'
                ? a > b
                : token.value === '<='
                  ? a <= b
                  : a >= b;
    }
  }

  private sum(): unknown {
    let value = this.product();
    for (;;) {
      if (this.take('+')) {
        const right = this.product();
        value = typeof value === 'number' && typeof right === 'number' ? value + right : `${value ?? ''}${right ?? ''}`;
      } else if (this.take('-')) value = Number(value) - Number(this.product());
      else return value;
    }
  }

  private product(): unknown {
    let value = this.unary();
    for (;;) {
      if (this.take('*')) value = Number(value) * Number(this.unary());
      else if (this.take('/')) value = Number(value) / Number(this.unary());
      else if (this.take('%')) value = Number(value) % Number(this.unary());
      else return value;
    }
  }

  private unary(): unknown {
    if (this.take('!')) return !truthy(this.unary());
    if (this.take('-')) return -Number(this.unary());
    return this.postfix();
  }

  private postfix(): unknown {
    let value = this.primary();
    for (;;) {
      if (this.take('.')) {
        const name = this.tokens[this.at];
        if (name?.kind !== 'name') throw new Error('APL expression: a name must follow "."');
        this.at += 1;
        value = get(value, name.value);
      } else if (this.take('[')) {
        const key = this.conditional();
        if (!this.take(']')) throw new Error('APL expression: [ without ]');
        value = get(value, key);
      } else return value;
    }
  }

  private primary(): unknown {
    const token = this.tokens[this.at];
    if (token === undefined) throw new Error('APL expression ends too soon');
    this.at += 1;
    if (token.kind === 'number' || token.kind === 'string') return token.value;
    if (token.kind === 'name') {
      if (token.value === 'true') return true;
      if (token.value === 'false') return false;
      if (token.value === 'null') return null;
      return get(this.scope, token.value);
    }
    if (token.value === '(') {
      const value = this.conditional();
      if (!this.take(')')) throw new Error('APL expression: ( without )');
      return value;
    }
    throw new Error(`APL expression: unexpected "${token.value}"`);
  }
}

const BINDING = /\$\{([^}]*)\}/g;

/** A value with its `${…}` bindings evaluated: one binding alone keeps its type, text around it makes a string. */
export function bind(value: unknown, scope: Scope): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{([^}]*)\}$/.exec(value);
    if (whole) return Expression.evaluate(whole[1] ?? '', scope);
    return value.replace(BINDING, (_, expression: string) => {
      const bound = Expression.evaluate(expression, scope);
      return bound === undefined || bound === null ? '' : String(bound);
    });
  }
  if (Array.isArray(value)) return value.map((each) => bind(each, scope));
  return value;
}

// ---- inflation ------------------------------------------------------------------------------

type Component = Readonly<Record<string, unknown>>;

function isComponent(value: unknown): value is Component {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function children(component: Component): Component[] {
  const items = component.items ?? component.item;
  const list = Array.isArray(items) ? items : items === undefined ? [] : [items];
  return list.filter(isComponent);
}

function holds(component: Component, scope: Scope): boolean {
  return component.when === undefined || truthy(bind(component.when, scope));
}

/** The one child a single-child component (or a data item) inflates: the first whose `when` holds. */
function firstHolding(list: readonly Component[], scope: Scope): Component | undefined {
  return list.find((child) => holds(child, scope));
}

/** The children a component inflates, each with its scope: per data item, or each whose `when` holds. */
function inflatedChildren(component: Component, scope: Scope): [Component, Scope][] {
  const list = children(component);
  const data = component.data === undefined ? undefined : bind(component.data, scope);
  if (Array.isArray(data)) {
    return data.flatMap((item, index) => {
      const itemScope = { ...scope, data: item, index };
      const child = firstHolding(list, itemScope);
      return child ? [[child, itemScope] as [Component, Scope]] : [];
    });
  }
  const single =
    component.item !== undefined || ['Frame', 'ScrollView', 'TouchWrapper'].includes(String(component.type));
  if (single) {
    const child = firstHolding(list, scope);
    return child ? [[child, scope]] : [];
  }
  return list.filter((child) => holds(child, scope)).map((child) => [child, scope]);
}

function textsOf(parts: readonly CardPart[]): string[] {
  return parts.flatMap((part) =>
    part.kind === 'text' ? [part.text] : part.kind === 'pages' ? part.pages.flatMap((p) => textsOf(p.parts)) : [],
  );
}

/** When the document turns a Pager to each page: its onMount SetPage commands, in sequence. */
function pageTimes(pager: Component, scope: Scope): Map<number, number> {
  const times = new Map<number, number>([[0, 0]]);
  let clock = 0;
  const run = (commands: unknown): void => {
    for (const command of Array.isArray(commands) ? commands : [commands]) {
      if (!isComponent(command) || !holds(command, scope)) continue;
      const delay = Number(bind(command.delay ?? 0, scope)) || 0;
      clock += delay;
      if (command.type === 'Sequential') run(command.commands);
      else if (command.type === 'SetPage' && (command.componentId === undefined || command.componentId === pager.id)) {
        const value = Number(bind(command.value, scope));
        if (command.position === 'relative') times.set(Math.max(0, ...times.keys()) + value, clock);
        else times.set(value, clock);
      }
    }
  };
  run(pager.onMount);
  return times;
}

/** The document's own layouts (`layouts`), by name. */
type Layouts = Readonly<Record<string, Component>>;

/**
 * An instance of one of the document's layouts: its parameters bound from the instance's
 * properties (evaluated where the instance is) or their defaults, then the layout's item inflated
 * with them, as APL does.
 */
function inflateLayout(layout: Component, instance: Component, scope: Scope, layouts: Layouts): CardPart[] {
  const parameters = Array.isArray(layout.parameters) ? layout.parameters : [];
  const bound: Record<string, unknown> = {};
  for (const parameter of parameters) {
    const name = typeof parameter === 'string' ? parameter : isComponent(parameter) ? String(parameter.name) : '';
    if (name === '') continue;
    const given = instance[name];
    const fallback = isComponent(parameter) ? parameter.default : undefined;
    bound[name] = given === undefined ? fallback : bind(given, scope);
  }
  const layoutScope = { ...scope, ...bound };
  const item = firstHolding(children(layout), layoutScope);
  return item ? inflate(item, layoutScope, layouts) : [];
}

function inflate(component: Component, scope: Scope, layouts: Layouts): CardPart[] {
  if (!holds(component, scope)) return [];
  const layout =
    typeof component.type === 'string' && Object.hasOwn(layouts, component.type) ? layouts[component.type] : undefined;
  if (layout !== undefined) return inflateLayout(layout, component, scope, layouts);
  switch (component.type) {
    case 'Text': {
      const text = String(bind(component.text ?? '', scope) ?? '').trim();
      return text === '' ? [] : [{ kind: 'text', text }];
    }
    case 'TouchWrapper': {
      const inner = inflatedChildren(component, scope).flatMap(([child, childScope]) =>
        inflate(child, childScope, layouts),
      );
      const press = (Array.isArray(component.onPress) ? component.onPress : [component.onPress]).find(
        (command) => isComponent(command) && command.type === 'SendEvent',
      );
      const args = isComponent(press) ? bind(press.arguments ?? [], scope) : [];
      const label = textsOf(inner)[0] ?? String(bind(component.accessibilityLabel ?? '', scope));
      return [{ kind: 'button', label, arguments: Array.isArray(args) ? args : [] }];
    }
    case 'Pager': {
      const times = pageTimes(component, scope);
      const pages = inflatedChildren(component, scope).map(([child, childScope], index) => ({
        atMs: times.get(index) ?? Number.NaN,
        parts: inflate(child, childScope, layouts),
      }));
      return [{ kind: 'pages', pages }];
    }
    default:
      return inflatedChildren(component, scope).flatMap(([child, childScope]) => inflate(child, childScope, layouts));
  }
}

/** A RenderDocument directive's card as a device with this viewport would lay it out. */
export function readCard(directive: unknown, viewport: Viewport = ECHO_SHOW): CardPart[] {
  if (!isComponent(directive)) throw new Error('a RenderDocument directive is an object');
  const document = directive.document;
  if (!isComponent(document) || !isComponent(document.mainTemplate))
    throw new Error('the document has no mainTemplate');
  const template = document.mainTemplate;
  const parameters = Array.isArray(template.parameters) ? template.parameters.map(String) : [];
  const datasources = isComponent(directive.datasources) ? directive.datasources : {};
  // One parameter gets every datasource; several get one each, by name (APL's rule).
  const bound: Record<string, unknown> =
    parameters.length === 1 && parameters[0] !== undefined
      ? { [parameters[0]]: datasources }
      : Object.fromEntries(parameters.map((name) => [name, datasources[name]]));
  const scope: Scope = { ...bound, viewport, environment: {} };
  const layouts: Record<string, Component> = {};
  for (const [name, layout] of Object.entries(isComponent(document.layouts) ? document.layouts : {})) {
    if (isComponent(layout)) layouts[name] = layout;
  }
  const top = firstHolding(children(template), scope);
  return top ? inflate(top, scope, layouts) : [];
}

/** Every button on the card, pages included. */
export function cardButtons(parts: readonly CardPart[]): { label: string; arguments: readonly unknown[] }[] {
  return parts.flatMap((part) =>
    part.kind === 'button' ? [part] : part.kind === 'pages' ? part.pages.flatMap((p) => cardButtons(p.parts)) : [],
  );
}

/** Every text on the card, in order, pages included. */
export function cardTexts(parts: readonly CardPart[]): string[] {
  return textsOf(parts);
}

function clock(ms: number): string {
  if (!Number.isFinite(ms)) return '?:??';
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The card as a few lines of text: what it shows, each page of a Pager with when it turns to it,
 * and the buttons in [brackets].
 */
export function describeCard(parts: readonly CardPart[]): string[] {
  const lines: string[] = [];
  let loose: string[] = [];
  const flush = () => {
    if (loose.length > 0) lines.push(loose.join(' · '));
    loose = [];
  };
  for (const part of parts) {
    if (part.kind === 'text') loose.push(part.text);
    else if (part.kind === 'pages') {
      flush();
      const several = part.pages.length > 1;
      for (const page of part.pages) {
        const text = textsOf(page.parts).join(' · ');
        lines.push(several ? `${clock(page.atMs)}  ${text}` : text);
      }
    }
  }
  flush();
  const buttons = cardButtons(parts);
  if (buttons.length > 0) lines.push(buttons.map((button) => `[${button.label}]`).join(' '));
  return lines;
}
