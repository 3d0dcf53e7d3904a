import type { i18n as I18n } from 'i18next';
import en from './locales/guidance/en.json';
import nlBE from './locales/guidance/nl-BE.json';

/** The namespace of the texts of a region's guidance work: caseload, learners, cases. */
export const GUIDANCE_NAMESPACE = 'guidance';

/** The guidance texts per UI language (same keys in each; see locales.test.ts). */
export const guidanceResources = {
  'nl-BE': nlBE,
  en,
} as const;

/**
 * Adds the guidance texts to `i18n` (once per instance). Only the lazily loaded region area
 * imports this module, so these texts stay out of the first download.
 */
export function addGuidanceTranslations(i18n: I18n): void {
  for (const [language, bundle] of Object.entries(guidanceResources)) {
    if (!i18n.hasResourceBundle(language, GUIDANCE_NAMESPACE)) {
      i18n.addResourceBundle(language, GUIDANCE_NAMESPACE, bundle);
    }
  }
}
