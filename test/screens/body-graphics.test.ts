/**
 * The body drawings are valid AVG 1.2, and every area is exactly one shape of its own view, bound to
 * the `highlight` parameter, and none of another's.
 */
import { BODY_AREA_IDS, BODY_VIEWS, viewOf } from '../../lambda/core/body';
import { type AvgItem, BODY_GRAPHICS, fillFor, MARKED } from '../../lambda/screen/body-graphics';

const PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  path: [
    'type',
    'description',
    'pathData',
    'pathLength',
    'fill',
    'fillOpacity',
    'fillTransform',
    'stroke',
    'strokeOpacity',
    'strokeWidth',
    'strokeDashArray',
    'strokeDashOffset',
    'strokeLineCap',
    'strokeLineJoin',
    'strokeMiterLimit',
    'strokeTransform',
    'opacity',
    'style',
    'when',
    'bind',
  ],
  group: [
    'type',
    'description',
    'items',
    'opacity',
    'clipPath',
    'rotation',
    'pivotX',
    'pivotY',
    'scaleX',
    'scaleY',
    'translateX',
    'translateY',
    'transform',
    'style',
    'when',
    'bind',
  ],
  text: ['type', 'text', 'x', 'y', 'fill', 'fontFamily', 'fontSize', 'fontStyle', 'fontWeight', 'textAnchor', 'when'],
};
const PATH_DATA = /^(?:[MLHVCSQTAZ](?:\s*-?\d*\.?\d+(?:[\s,]+|(?=-)|$)?)*)+$/;

function walk(items: readonly AvgItem[]): AvgItem[] {
  return items.flatMap((item) => [item, ...(item.type === 'group' ? walk(item.items as AvgItem[]) : [])]);
}

describe.each(BODY_VIEWS)('the %s drawing', (view) => {
  const graphic = BODY_GRAPHICS[view];
  const items = walk(graphic.items);

  it('is AVG 1.2 with numeric sizes and a string parameter `highlight`', () => {
    expect(graphic).toMatchObject({ type: 'AVG', version: '1.2' });
    for (const size of [graphic.width, graphic.height, graphic.viewportWidth, graphic.viewportHeight]) {
      expect(typeof size).toBe('number');
      expect(size).toBeGreaterThan(0);
    }
    expect(graphic.parameters).toEqual([{ name: 'highlight', type: 'string', default: '' }]);
    expect(Object.keys(graphic).sort()).toEqual(
      ['height', 'items', 'parameters', 'type', 'version', 'viewportHeight', 'viewportWidth', 'width'].sort(),
    );
  });

  it('holds only known items with known properties and well-formed path data', () => {
    for (const item of items) {
      const known = PROPERTIES[String(item.type)];
      expect(known).toBeDefined();
      for (const key of Object.keys(item)) expect(known).toContain(key);
      if (item.type === 'path') {
        expect(String(item.pathData)).toMatch(PATH_DATA);
        expect(item.fill !== undefined || item.stroke !== undefined).toBe(true);
      }
      if (item.type === 'group') expect(Array.isArray(item.items)).toBe(true);
    }
  });

  it('binds only `highlight`, and never marks a shape without it', () => {
    for (const item of items) {
      for (const value of Object.values(item)) {
        if (typeof value !== 'string' || !value.includes('${')) continue;
        expect(value).toMatch(/^\$\{highlight == '\w+' \? ('#[0-9A-F]{6}'|\d) : ('#[0-9A-F]{6}'|\d)\}$/);
      }
      expect(item.fill).not.toBe(MARKED);
    }
  });

  it.each(BODY_AREA_IDS.filter((area) => viewOf(area) === view))('has exactly one shape for %s', (area) => {
    expect(items.filter((item) => item.fill === fillFor(area))).toHaveLength(1);
  });

  it('has no shape for an area of another view', () => {
    for (const area of BODY_AREA_IDS.filter((each) => viewOf(each) !== view)) {
      expect(JSON.stringify(graphic)).not.toContain(`'${area}'`);
    }
  });
});

it('keeps the four drawings under 12 KB of JSON together', () => {
  expect(Buffer.byteLength(JSON.stringify(BODY_GRAPHICS), 'utf8')).toBeLessThan(12 * 1024);
});

it('has a drawing for every view', () => {
  expect(Object.keys(BODY_GRAPHICS).sort()).toEqual([...BODY_VIEWS].sort());
});

it.each(BODY_VIEWS)('draws the %s view once, at its first read, and keeps it', (view) => {
  expect(BODY_GRAPHICS[view]).toBe(BODY_GRAPHICS[view]);
});
