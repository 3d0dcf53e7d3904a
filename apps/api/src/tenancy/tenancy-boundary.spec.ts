import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

/**
 * All tenancy code lives in src/tenancy (and schema DDL in src/database). Feature code never chooses a
 * region schema or a role: no region-qualified SQL, no entity in a named region schema, no role or
 * search_path switching. (Platform entities name the `platform` schema, which is not a region's.)
 */
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ALLOWED = ['tenancy', 'database', 'cli', 'bench'].map((folder) => path.join(SRC, folder) + path.sep);

const FORBIDDEN: [RegExp, string][] = [
  [/\bregion_[a-z0-9_]+\.[a-z_]+/, 'SQL qualified with a region schema'],
  [/schema:\s*['"](?!platform['"])/, 'an entity naming a schema other than platform'],
  [/search_path|set_config\(\s*'role'|\bSET\s+(LOCAL\s+)?ROLE\b/i, 'switching role or search_path'],
];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('tenancy boundary', () => {
  it('no code outside tenancy/ and database/ names a schema or switches role', () => {
    const violations = sourceFiles(SRC)
      .filter((file) => !ALLOWED.some((allowed) => file.startsWith(allowed)))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, index) =>
            FORBIDDEN.filter(([pattern]) => pattern.test(line)).map(
              ([, what]) => `${path.relative(SRC, file)}:${index + 1}: ${what}: ${line.trim()}`,
            ),
          ),
      );
    expect(violations).toEqual([]);
  });
});
