/**
 * Every card the skill can show (cards.ts), rendered and inflated on each common viewport: the
 * directive is the one ask-sdk-model types, every binding finds its field, only known components,
 * properties and commands, valid dimensions, no empty text, the buttons each view should have and
 * nothing else, the pages turned in time with the speech, and the size well under the limit.
 */

import { StaticAplTemplateValidator } from 'apl-suggester';
import type { interfaces } from 'ask-sdk-model';
import { LOCALES } from '../../lambda/content/locales';
import { BODY_AREA_IDS, BODY_VIEWS, viewOf } from '../../lambda/core/body';
import {
  APL_VERSION,
  CARD_BUDGET_BYTES,
  jsonBytes,
  MAX_PAGES,
  parseScreenEvent,
  RESPONSE_LIMIT_BYTES,
  SCREEN_TOKEN,
  screenDirective,
  screenDocument,
  VIEW_BUTTONS,
} from '../../lambda/screen';
import { BODY_GRAPHICS } from '../../lambda/screen/body-graphics';
import { graphicProblems, inflate, markedPaths, VIEWPORTS } from './apl-check';
import { ALL_CARDS, type Card } from './cards';

type Directive = interfaces.alexa.presentation.apl.RenderDocumentDirective;
type Json = { readonly [key: string]: unknown };

const rendered = ALL_CARDS.map((card) => {
  const directive: Directive = screenDirective(card.view, card.words);
  return { card, directive, bytes: jsonBytes(directive) };
});
const largest = rendered.reduce((a, b) => (b.bytes > a.bytes ? b : a));
const documentBytes = jsonBytes(screenDocument());

/**
 * apl-suggester's findings (it reports everything, errors and warnings alike; none is accepted),
 * without the lines it logs to the console: "No mixin for component : Frame" and the like, which
 * say it has no extra schema for a child of that parent, not that anything is wrong.
 */
async function suggest(run: (validator: StaticAplTemplateValidator) => Promise<unknown[]>): Promise<unknown[]> {
  const { log, warn } = console;
  console.log = () => undefined;
  console.warn = () => undefined;
  try {
    return await run(new StaticAplTemplateValidator());
  } finally {
    console.log = log;
    console.warn = warn;
  }
}

/** Touch targets and type readable from a bed or a sofa: every dimension in the document is in dp. */
const MIN_BUTTON_DP = 96;
const MIN_TEXT_DP = 22;

/** What the view's buttons should send. */
function expectedEvents(card: Card): string[][] {
  const view = card.view;
  if (view.kind === 'menu') {
    return [...(view.paused ? [['resume']] : []), ...view.routines.map((routine) => ['start', routine.id])];
  }
  return VIEW_BUTTONS[view.kind].map((command) => [command]);
}

function problemsOf(card: Card, directive: Directive): string[] {
  const problems: string[] = [];
  const data = directive.datasources as Json;
  for (const viewport of VIEWPORTS) {
    const at = (text: string) => `${card.name} on ${viewport.name}: ${text}`;
    const inflated = inflate(directive.document as Json, data, viewport);
    problems.push(...inflated.problems.map(at));
    for (const { type, path, props } of inflated.components) {
      const dp = (value: unknown) =>
        typeof value === 'number'
          ? value
          : /^\d+(\.\d+)?dp$/.test(String(value))
            ? Number.parseFloat(String(value))
            : 0;
      if (type === 'TouchWrapper' && !(dp(props.height ?? props.minHeight) >= MIN_BUTTON_DP)) {
        problems.push(at(`${path}: a button ${String(props.height ?? props.minHeight)} tall`));
      }
      if (type === 'Text' && !(dp(props.fontSize) >= MIN_TEXT_DP)) {
        problems.push(at(`${path}: text ${String(props.fontSize)} high`));
      }
    }
    const events = inflated.events.map((args) => JSON.stringify(args));
    for (const args of inflated.events) if (!parseScreenEvent(args)) problems.push(at(`sends ${JSON.stringify(args)}`));
    const expected = expectedEvents(card).map((args) => JSON.stringify(args));
    if (JSON.stringify(events) !== JSON.stringify(expected)) problems.push(at(`buttons ${events} not ${expected}`));
    if (card.view.kind === 'routine') {
      const card_ = data.card as { pages: unknown[]; schedule: number[] };
      const turns = inflated.pageTurns;
      const want = card_.schedule.map((delay, index) => ({ delay, value: index + 1, pages: card_.pages.length }));
      if (JSON.stringify(turns) !== JSON.stringify(want)) problems.push(at(`page turns ${JSON.stringify(turns)}`));
    }
  }
  return problems;
}

describe('the document', () => {
  it(`is APL ${APL_VERSION} that apl-suggester finds nothing wrong with`, async () => {
    expect(screenDocument()).toMatchObject({ type: 'APL', version: APL_VERSION });
    expect(await suggest((v) => v.validate(JSON.parse(JSON.stringify(screenDocument()))))).toEqual([]);
  });

  it('uses only commands ask-sdk-model knows', () => {
    const known: interfaces.alexa.presentation.apl.Command['type'][] = ['SendEvent', 'Sequential', 'SetPage', 'Idle'];
    const used = new Set<string>();
    const walk = (value: unknown, key = ''): void => {
      if (Array.isArray(value)) for (const item of value) walk(item, key);
      else if (value && typeof value === 'object') {
        const record = value as Json;
        if (/^on[A-Z]|^commands$/.test(key)) used.add(String(record.type));
        for (const [child, inner] of Object.entries(record)) walk(inner, child);
      }
    };
    walk(screenDocument().mainTemplate);
    expect([...used].filter((type) => !(known as string[]).includes(type))).toEqual([]);
    expect(used.size).toBeGreaterThan(0);
  });

  it('imports no package: only the core components the offline checks can see into', () => {
    expect(screenDocument()).not.toHaveProperty('import');
  });

  it('holds one drawing per body view, each a valid AVG graphic', () => {
    const graphics = screenDocument().graphics as Record<string, Json>;
    expect(Object.keys(graphics).sort()).toEqual([...BODY_VIEWS].sort());
    for (const view of BODY_VIEWS) expect([view, graphicProblems(graphics[view] ?? {})]).toEqual([view, []]);
  });

  it.each(BODY_AREA_IDS.map((area) => [area]))('marks %s on its view and on no other drawing', (area) => {
    for (const view of BODY_VIEWS) {
      const marked = markedPaths(BODY_GRAPHICS[view] as unknown as Json, area);
      if (view === viewOf(area)) expect(marked.length).toBeGreaterThan(0);
      else expect(marked).toEqual([]);
    }
  });

  it(`takes ${documentBytes} bytes of JSON, under a third of the response limit`, () => {
    expect(documentBytes).toBeLessThan(RESPONSE_LIMIT_BYTES / 3);
  });

  it(`turns at most ${MAX_PAGES} pages, and no routine in any locale has more steps`, () => {
    for (const { card } of rendered) {
      if (card.view.kind === 'routine') expect(card.view.stepCount).toBeLessThanOrEqual(MAX_PAGES);
    }
  });
});

describe('every card', () => {
  it(`renders ${rendered.length} cards as RenderDocument directives with the card's token`, () => {
    for (const { directive } of rendered) {
      expect(directive).toMatchObject({ type: 'Alexa.Presentation.APL.RenderDocument', token: SCREEN_TOKEN });
      expect(directive.document).toBe(screenDocument());
    }
  });

  it(`passes apl-suggester's datasource check`, async () => {
    const found = await suggest(async (v) =>
      (await Promise.all(rendered.map(({ directive }) => v.validateDataSources(directive.datasources ?? {})))).flat(),
    );
    expect(found).toEqual([]);
  });

  const kinds = [...new Set(ALL_CARDS.map((card) => card.view.kind))];
  it.each(LOCALES.flatMap((locale) => kinds.map((kind) => [locale, kind] as const)))(
    '%s %s cards inflate on every viewport with every binding found, known parts only, the right buttons, 96 dp tall, and text 22 dp or more',
    (locale, kind) => {
      const cards = rendered.filter(({ card }) => card.locale === locale && card.view.kind === kind);
      expect(cards.length).toBeGreaterThan(0);
      expect(cards.flatMap(({ card, directive }) => problemsOf(card, directive))).toEqual([]);
    },
  );

  it(`the largest directive (${largest.card.name}: ${largest.bytes} bytes) is within the card budget`, () => {
    expect(largest.bytes).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(CARD_BUDGET_BYTES).toBeLessThanOrEqual(RESPONSE_LIMIT_BYTES / 2);
  });
});
