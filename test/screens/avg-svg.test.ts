/** The AVG to SVG converter: bindings, items, and exactly the named area marked. */
import { XMLParser } from 'fast-xml-parser';
import { BODY_AREA_IDS, BODY_VIEWS, viewOf } from '../../lambda/core/body';
import { BODY_GRAPHICS, MARKED, UNMARKED } from '../../lambda/screen/body-graphics';
import { mirrored } from '../../lambda/screen/body-graphics/avg';
import { avgToSvg, evaluate } from '../../tools/screens/avg-svg';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

/** Every element of the parsed SVG with its attributes, and the opacity of the groups around it. */
function elements(
  node: unknown,
  opacity = 1,
  out: { tag: string; attrs: Node; opacity: number }[] = [],
  tag = '',
): typeof out {
  if (Array.isArray(node)) {
    for (const each of node) elements(each, opacity, out, tag);
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  const attrs = node as Node;
  const own = tag === 'g' && attrs.opacity !== undefined ? Number(attrs.opacity) : 1;
  if (tag) out.push({ tag, attrs, opacity: opacity * own });
  for (const [key, value] of Object.entries(attrs)) {
    if (typeof value === 'object') elements(value, opacity * own, out, key);
  }
  return out;
}

function markedShapes(svg: string): number {
  return elements(parser.parse(svg)).filter((e) => e.tag === 'path' && e.attrs.fill === MARKED && e.opacity > 0).length;
}

describe('evaluate', () => {
  const scope = { highlight: 'neck' };
  it('takes the branch the parameter chooses', () => {
    expect(evaluate(`\${highlight == 'neck' ? '#111111' : '#222222'}`, scope)).toBe('#111111');
    expect(evaluate(`\${highlight == 'toes' ? '#111111' : '#222222'}`, scope)).toBe('#222222');
    expect(evaluate(`\${highlight != 'toes' ? 0 : 1}`, scope)).toBe('0');
    expect(evaluate(2, scope)).toBe('2');
  });
  it('refuses what it cannot evaluate', () => {
    expect(() => evaluate(`\${highlight + 1}`, scope)).toThrow(/unsupported/);
    expect(() => evaluate(`\${other == 'a' ? 1 : 0}`, scope)).toThrow(/unknown name/);
  });
});

describe('avgToSvg', () => {
  it.each(BODY_AREA_IDS)('marks exactly %s', (area) => {
    const svg = avgToSvg(BODY_GRAPHICS[viewOf(area)], { parameters: { highlight: area } });
    expect(markedShapes(svg)).toBe(1);
  });

  it.each(BODY_VIEWS)('marks nothing in %s when no area is named', (view) => {
    const svg = avgToSvg(BODY_GRAPHICS[view]);
    expect(markedShapes(svg)).toBe(0);
    expect(svg).toContain(`fill="${UNMARKED}"`);
  });

  it('draws groups, transforms, text and a background at a scale', () => {
    const svg = avgToSvg(
      {
        type: 'AVG',
        version: '1.2',
        width: 10,
        height: 20,
        parameters: [{ name: 'highlight', type: 'string', default: '' }],
        items: [
          { type: 'group', translateX: 2, rotation: 90, items: [{ type: 'path', pathData: 'M0,0H1', stroke: '#000' }] },
          { type: 'group', items: [{ type: 'text', text: 'a < b', fontSize: 5 }] },
        ],
      },
      { scale: 2, background: '#123456' },
    );
    expect(svg).toContain('width="20" height="40" viewBox="0 0 10 20"');
    expect(svg).toContain('<rect width="10" height="20" fill="#123456"/>');
    expect(svg).toContain('transform="translate(2 0) translate(0 0) rotate(90) scale(1 1) translate(0 0)"');
    expect(svg).toContain('<path d="M0,0H1" fill="none" stroke="#000"/>');
    expect(svg).toContain('>a &lt; b</text>');
    expect(() => avgToSvg({ ...BODY_GRAPHICS.back, items: [{ type: 'image' }] })).toThrow(/unknown item/);
  });
});

describe('mirrored', () => {
  it('mirrors x about the axis, flips arc sweeps, and twice is the same shape', () => {
    expect(mirrored('M10,5L20,6H30V7C1,2 3,4 5,6A5,5 0 0 1 15,5Z', 100)).toBe(
      'M90 5L80 6H70V7C99 2 97 4 95 6A5 5 0 0 0 85 5Z',
    );
    expect(mirrored(mirrored('M10,5Q1,2 3,4', 50), 50)).toBe('M10 5Q1 2 3 4');
    expect(() => mirrored('m1,1', 10)).toThrow(/absolute/);
  });
});
