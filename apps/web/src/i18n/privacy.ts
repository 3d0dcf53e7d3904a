import type { i18n as I18n } from 'i18next';
import en from './locales/privacy/en.json';
import nlBE from './locales/privacy/nl-BE.json';

/** The namespace of a region's data-protection page (erasure requests, upcoming anonymisations). */
export const PRIVACY_NAMESPACE = 'privacy';

/** The data-protection page's texts per UI language (same keys in each; see locales.test.ts). */
export const privacyResources = {
  'nl-BE': nlBE,
  en,
} as const;

/**
 * Adds the data-protection page's texts to `i18n` (once per instance). Only that lazily loaded, coordinator-only
 * page imports this module, so these texts stay out of the first download and out of the region area's chunk.
 */
export function addPrivacyTranslations(i18n: I18n): void {
  for (const [language, bundle] of Object.entries(privacyResources)) {
    if (!i18n.hasResourceBundle(language, PRIVACY_NAMESPACE)) {
      i18n.addResourceBundle(language, PRIVACY_NAMESPACE, bundle);
    }
  }
}
