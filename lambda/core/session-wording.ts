/** What the coach says about joined sessions ("twenty minutes tonight", "do another one"). */
export interface SessionWords {
  /** The one opening of a joined session: its routines in order and about how long in all. */
  readonly opening: (names: readonly string[], minutes: number) => string;
  /** A length asked for below the shortest session joined: what the session will be instead. */
  readonly shortestIs: (minutes: number) => string;
  /** A length asked for above the longest session joined: what the session will be instead. */
  readonly longestIs: (minutes: number) => string;
  /** Hands-free mode plays one routine at a time: this one now, and how to ask for the next. */
  readonly oneAtATimeHandsFree: (name: string) => string;
  /** Between two routines of a joined session: the move to the next area and routine. */
  readonly moveTo: (name: string, areaName: string) => string;
  /** "Do another one" at the menu: which routine comes next. */
  readonly another: (name: string) => string;
  /** "Do another one" during a routine: that routine follows this one. */
  readonly comesNext: (name: string) => string;
  /** "Do another one" when every routine that suits a session is already in it. */
  readonly nothingMoreTonight: string;
  /** During labour coaching, sessions wait. */
  readonly notInLabour: string;
}
