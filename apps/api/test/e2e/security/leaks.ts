/**
 * What an error answer must never carry: a stack frame, a source path, SQL or a PostgreSQL message, a
 * driver or framework name. Answers the first thing found (for the test's message), or null.
 */
const INTERNALS: [string, RegExp][] = [
  ['a stack frame', /\bat [\w$.<>]+ \(|\bat (file:|node:|\/)/],
  ['a source path', /\/(src|dist|node_modules)\/|\.(ts|js|mjs):\d+/],
  ['SQL', /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b|\bWHERE\b.*=\s*\$\d/],
  [
    'a PostgreSQL error',
    /\b(QueryFailedError|syntax error at or near|relation "[^"]+" does not exist|violates (foreign key|unique|check) constraint|permission denied for|invalid input syntax for)\b/i,
  ],
  ['an internal name', /\b(TypeORM|EntityManager|pg-boss|Nest(Factory|Application)|ExpressAdapter)\b/],
];

export function leakedInternals(body: string): string | null {
  for (const [what, pattern] of INTERNALS) {
    const match = pattern.exec(body);
    if (match) return `${what} in the answer: …${body.slice(Math.max(0, match.index - 40), match.index + 60)}…`;
  }
  return null;
}
