/**
 * What a card's buttons send back: a fixed vocabulary of `SendEvent` arguments, which the handler
 * maps to the same core events as the spoken words. Nothing else comes back from a card.
 */
import { isRoutineId, type RoutineId } from '../core/catalogue';

/** The one-word events: a button each. */
export const SCREEN_COMMANDS = ['pause', 'next', 'back', 'lighter', 'hurts', 'resume', 'carryOn', 'stop'] as const;
export type ScreenCommand = (typeof SCREEN_COMMANDS)[number];

/** A button's `SendEvent` arguments: a command, or a routine chosen at the menu. */
export type ScreenEvent = readonly [ScreenCommand] | readonly ['start', RoutineId];

/** Each command's arguments, as the document sends them. */
export const SCREEN_EVENTS: { readonly [K in ScreenCommand]: readonly [K] } = {
  pause: ['pause'],
  next: ['next'],
  back: ['back'],
  lighter: ['lighter'],
  hurts: ['hurts'],
  resume: ['resume'],
  carryOn: ['carryOn'],
  stop: ['stop'],
};

/** The first argument of a menu item's event; the second is the routine's id. */
export const START_EVENT = 'start';

export function startEvent(routineId: RoutineId): readonly ['start', RoutineId] {
  return [START_EVENT, routineId];
}

function isScreenCommand(value: unknown): value is ScreenCommand {
  return typeof value === 'string' && (SCREEN_COMMANDS as readonly string[]).includes(value);
}

/** A UserEvent's `arguments` as one of the vocabulary's events; undefined for anything else. */
export function parseScreenEvent(args: unknown): ScreenEvent | undefined {
  if (!Array.isArray(args)) return undefined;
  const [first, second] = args as unknown[];
  if (args.length === 1 && isScreenCommand(first)) return [first];
  if (args.length === 2 && first === START_EVENT && isRoutineId(second)) return [START_EVENT, second];
  return undefined;
}
