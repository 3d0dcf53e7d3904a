import { describe, expect, it } from 'vitest';
import { guidanceResources } from './guidance';
import { indicatorsResources } from './indicators';
import { partnerResources } from './partner';
import { privacyResources } from './privacy';
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

/**
 * Every namespace: `translation` (bundled with the app), `guidance` (region area), `partner` (partner page),
 * `indicators` (dashboards) and `privacy` (data-protection page).
 */
const NAMESPACES = {
  translation: Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, resources[language].translation])),
  guidance: guidanceResources,
  partner: partnerResources,
  indicators: indicatorsResources,
  privacy: privacyResources,
} as const;

const flat = Object.fromEntries(
  Object.entries(NAMESPACES).map(([namespace, bundles]) => [
    namespace,
    Object.fromEntries(
      SUPPORTED_LANGUAGES.map((language) => [language, flatten((bundles as Record<string, unknown>)[language])]),
    ),
  ]),
) as Record<string, Record<string, Map<string, unknown>>>;

function keysOf(namespace: string, language: string): string[] {
  return [...(flat[namespace]?.[language]?.keys() ?? [])].sort();
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const OTHER_LANGUAGES = SUPPORTED_LANGUAGES.filter((language) => language !== DEFAULT_LANGUAGE);
const EVERY_NAMESPACE = Object.keys(NAMESPACES);

describe('locales', () => {
  it('has nl-BE as the default language and a bundle for every supported language', () => {
    expect(DEFAULT_LANGUAGE).toBe('nl-BE');
    expect(Object.keys(resources).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect(Object.keys(guidanceResources).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect(Object.keys(partnerResources).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect(Object.keys(indicatorsResources).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect(Object.keys(privacyResources).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    for (const namespace of EVERY_NAMESPACE) expect(keysOf(namespace, DEFAULT_LANGUAGE).length).toBeGreaterThan(10);
  });

  describe.each(EVERY_NAMESPACE)('namespace %s', (namespace) => {
    it.each(OTHER_LANGUAGES)('%s has exactly the same keys as nl-BE', (language) => {
      expect(keysOf(namespace, language)).toEqual(keysOf(namespace, DEFAULT_LANGUAGE));
    });

    it.each(SUPPORTED_LANGUAGES)('%s has only non-empty strings', (language) => {
      const invalid = [...(flat[namespace]?.[language] ?? new Map<string, unknown>())]
        .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
        .map(([key]) => key);
      expect(invalid).toEqual([]);
    });

    it.each(OTHER_LANGUAGES)('%s uses the same interpolation placeholders as nl-BE', (language) => {
      const mismatches = keysOf(namespace, DEFAULT_LANGUAGE).filter((key) => {
        const source = flat[namespace]?.[DEFAULT_LANGUAGE]?.get(key);
        const target = flat[namespace]?.[language]?.get(key);
        return (
          typeof source === 'string' &&
          typeof target === 'string' &&
          placeholders(source).join() !== placeholders(target).join()
        );
      });
      expect(mismatches).toEqual([]);
    });
  });
});
