import pg from 'pg';

/**
 * Records every statement the pg driver sends, with its parameters, until `stop()` — a spy on the real
 * driver (every query still runs), to prove what did or did not reach SQL.
 */
export function recordSql(): { statements: string[]; stop: () => void } {
  const statements: string[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- restored by stop(), called with its own `this`
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    const text = typeof first === 'string' ? first : first.text;
    statements.push(`${text} ${JSON.stringify(values ?? (typeof first === 'object' ? first.values : []) ?? [])}`);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return {
    statements,
    stop: () => {
      pg.Client.prototype.query = original;
    },
  };
}
