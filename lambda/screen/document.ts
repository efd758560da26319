/**
 * The one APL document every card uses: plain core components only (no imported packages; its one
 * layout, the button, is made of them), the body drawings in its `graphics`, sizes as resources that follow the viewport, and a layout per
 * kind of view chosen by `when` on the datasource. The datasource (render.ts) carries the view and
 * its words, already formatted; the document holds no words of its own.
 */
import { BODY_GRAPHICS } from './body-graphics';
import { layouts } from './layouts';
import { type AplObject, bound, COLOURS, CUSTOM_LAYOUTS, documentStyles } from './parts';

/** The APL version the document is written to (ask-sdk-model and apl-suggester both know it). */
export const APL_VERSION = '2024.2';

/** Sizes for a large screen (Echo Show 8, 10, 15), then a medium, a short and a round one. */
const RESOURCES: readonly AplObject[] = [
  {
    description: 'Large screens: read from across the room.',
    dimensions: {
      pad: '32dp',
      sidePad: '32dp',
      gap: '16dp',
      radius: '20dp',
      barHeight: '16dp',
      headSize: '34dp',
      titleSize: '50dp',
      actionSize: '48dp',
      bodySize: '34dp',
      metaSize: '28dp',
      buttonSize: '32dp',
      buttonHeight: '112dp',
      drawingSize: '300dp',
      numberSize: '180dp',
      narrowPageHeight: '640dp',
    },
  },
  {
    description: 'Medium screens (the 1024 × 600 hubs): a smaller drawing, so a step fits above the buttons.',
    when: bound('viewport.height < 720'),
    dimensions: {
      pad: '24dp',
      sidePad: '24dp',
      gap: '14dp',
      headSize: '30dp',
      titleSize: '42dp',
      actionSize: '40dp',
      bodySize: '30dp',
      metaSize: '26dp',
      buttonSize: '30dp',
      buttonHeight: '104dp',
      drawingSize: '240dp',
      numberSize: '150dp',
    },
  },
  {
    description: 'Short screens (Echo Show 5, Echo Spot): smaller type, buttons still 96 dp tall.',
    when: bound('viewport.height < 600'),
    dimensions: {
      pad: '16dp',
      sidePad: '16dp',
      gap: '12dp',
      headSize: '26dp',
      titleSize: '36dp',
      actionSize: '36dp',
      bodySize: '26dp',
      metaSize: '22dp',
      buttonSize: '26dp',
      buttonHeight: '96dp',
      drawingSize: '200dp',
      numberSize: '120dp',
    },
  },
  {
    description: 'Round screens: keep clear of the curved edge.',
    when: bound("viewport.shape == 'round'"),
    dimensions: { sidePad: '64dp', pad: '48dp', titleSize: '32dp', drawingSize: '160dp', numberSize: '96dp' },
  },
];

function buildDocument(): AplObject {
  return {
    type: 'APL',
    version: APL_VERSION,
    theme: 'dark',
    description: 'Partner Massage Coach: the step, paused, halted, warning, menu, closing and labour cards.',
    resources: RESOURCES,
    styles: documentStyles(),
    graphics: BODY_GRAPHICS,
    layouts: CUSTOM_LAYOUTS,
    mainTemplate: {
      parameters: ['payload'],
      items: [
        {
          type: 'Frame',
          width: '100vw',
          height: '100vh',
          backgroundColor: COLOURS.ground,
          item: { type: 'Container', width: '100%', height: '100%', items: layouts() },
        },
      ],
    },
  };
}

/** The document, built once. */
let built: AplObject | undefined;

/** The document, built at the first card (a cold start that draws none pays nothing), then kept. */
export function screenDocument(): AplObject {
  built ??= buildDocument();
  return built;
}
