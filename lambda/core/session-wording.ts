/** What the coach says about joined sessions ("twenty minutes tonight", "do another one"). */
export interface SessionWords {
  /** The one opening of a joined session: its routines in order and about how long in all. */
  readonly opening: (names: readonly string[], minutes: number) => string;
  /** Between two routines of a joined session: the move to the next area and routine. */
  readonly moveTo: (name: string, areaName: string) => string;
  /** "Do another one": which routine comes next. */
  readonly another: (name: string) => string;
  /** During labour coaching, sessions wait. */
  readonly notInLabour: string;
}
