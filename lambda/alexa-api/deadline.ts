/**
 * Time budgets for the calls a turn makes to Alexa's outside APIs (Reminders, device Settings).
 * A call that hangs must not hold the turn: Alexa drops a skill's answer after its 8 s deadline, and
 * this project's goal is that a turn with a hanging outside call still answers within 3 s.
 */

/**
 * Longest one outside call may take, from sending to the last byte of the answer. Well inside
 * Alexa's 8 s response deadline, and short enough that a turn with one hanging call answers
 * within the project's 3 s goal (the rest of the turn takes well under 1 s).
 */
export const OUTSIDE_CALL_TIMEOUT_MS = 1200;

/**
 * What all outside calls in one turn may take together (a time zone read and a reminder set, say),
 * so two slow calls in a row cannot add up past the 3 s goal either.
 */
export const TURN_OUTSIDE_BUDGET_MS = 2000;

/**
 * A turn's budget for all its outside calls, started when the turn starts. Each call takes the
 * smaller of its own timeout and what is left, so the turn's total never exceeds the budget.
 */
export class Deadline {
  private readonly started: number;

  /**
   * @param budgetMs - milliseconds for all outside calls of the turn, from now.
   * @param now - the clock, injected for tests.
   * @default now Date.now
   */
  constructor(
    private readonly budgetMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** Milliseconds left of the budget; 0 once it is spent. */
  remaining(): number {
    return Math.max(0, this.budgetMs - (this.now() - this.started));
  }

  /** The timeout for the next call: its own limit or what is left, whichever is less, never below 0. */
  timeoutFor(callTimeoutMs: number): number {
    return Math.max(0, Math.min(callTimeoutMs, this.remaining()));
  }
}
