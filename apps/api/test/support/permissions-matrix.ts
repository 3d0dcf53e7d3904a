import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/config.js';

/** The principals of docs/permissions.md, in the order of its columns. */
export const PRINCIPALS = ['anonymous', 'counsellor A', 'coordinator A', 'counsellor B', 'analyst', 'platform admin', 'partner client', 'partner user'] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

/** The matrix of docs/permissions.md: "METHOD /path" → who is allowed. */
export function documentedMatrix(): Map<string, Set<PrincipalName>> {
  const markdown = readFileSync(path.join(REPO_ROOT, 'docs', 'permissions.md'), 'utf8');
  const rows = markdown.split('\n').filter((line) => line.startsWith('| `'));
  return new Map(
    rows.map((line) => {
      const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
      const route = (cells[0] ?? '').replaceAll('`', '');
      const allowed = new Set(PRINCIPALS.filter((_principal, index) => cells[index + 1] === '✓'));
      return [route, allowed];
    }),
  );
}
