import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, resources } from './setup';

/** Flattens nested translations to `a.b.c` → value. */
function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  if (typeof tree === 'object' && tree !== null && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'object' && value !== null) {
        for (const [nestedKey, nestedValue] of flatten(value, path)) entries.set(nestedKey, nestedValue);
      } else {
        entries.set(path, value);
      }
    }
  }
  return entries;
}

const flat = Object.fromEntries(
  SUPPORTED_LANGUAGES.map((language) => [language, flatten(resources[language].translation)]),
);

function keysOf(language: string): string[] {
  return [...(flat[language]?.keys() ?? [])].sort();
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('locales', () => {
  it('has nl-BE as the default language and a bundle for every supported language', () => {
    expect(DEFAULT_LANGUAGE).toBe('nl-BE');
    expect(Object.keys(resources).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect(keysOf(DEFAULT_LANGUAGE).length).toBeGreaterThan(10);
  });

  it.each(SUPPORTED_LANGUAGES.filter((language) => language !== DEFAULT_LANGUAGE))(
    '%s has exactly the same keys as nl-BE',
    (language) => {
      expect(keysOf(language)).toEqual(keysOf(DEFAULT_LANGUAGE));
    },
  );

  it.each(SUPPORTED_LANGUAGES)('%s has only non-empty strings', (language) => {
    const invalid = [...(flat[language] ?? new Map<string, unknown>())]
      .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
      .map(([key]) => key);
    expect(invalid).toEqual([]);
  });

  it.each(SUPPORTED_LANGUAGES.filter((language) => language !== DEFAULT_LANGUAGE))(
    '%s uses the same interpolation placeholders as nl-BE',
    (language) => {
      const mismatches = keysOf(DEFAULT_LANGUAGE).filter((key) => {
        const source = flat[DEFAULT_LANGUAGE]?.get(key);
        const target = flat[language]?.get(key);
        return (
          typeof source === 'string' &&
          typeof target === 'string' &&
          placeholders(source).join() !== placeholders(target).join()
        );
      });
      expect(mismatches).toEqual([]);
    },
  );
});
