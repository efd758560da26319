/** The screen renderer: a core ScreenView as an APL card, and the events its buttons send. */
export { APL_VERSION, screenDocument } from './document';
export {
  parseScreenEvent,
  SCREEN_COMMANDS,
  SCREEN_EVENTS,
  type ScreenCommand,
  type ScreenEvent,
  START_EVENT,
  startEvent,
} from './events';
export { MAX_PAGES, PAGER_ID, VIEW_BUTTONS } from './layouts';
export {
  CARD_BUDGET_BYTES,
  cardData,
  jsonBytes,
  pageSchedule,
  progressAt,
  RESPONSE_LIMIT_BYTES,
  SCREEN_TOKEN,
  screenDirective,
  type TouchAction,
} from './render';
