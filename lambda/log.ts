/**
 * Structured logs, one JSON line each. Never pass a userId or spoken content here: only event
 * names, request types, intent names and error names.
 */
export interface LogFields {
  readonly [key: string]: string | number | boolean | undefined;
}

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

function write(level: string, event: string, fields: LogFields | undefined): void {
  const line = JSON.stringify({ level, event, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

export const consoleLogger: Logger = {
  info: (event, fields) => write('info', event, fields),
  warn: (event, fields) => write('warn', event, fields),
  error: (event, fields) => write('error', event, fields),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** The parts of an error that are safe to log: its name, its message, and its cause's name. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error };
  const cause = error.cause instanceof Error ? error.cause.name : undefined;
  return { error: error.name, message: error.message.slice(0, 200), ...(cause ? { cause } : {}) };
}
