import type { i18n as I18n } from 'i18next';
import en from './locales/indicators/en.json';
import nlBE from './locales/indicators/nl-BE.json';

/** The namespace of the dashboards: the support point's indicators and a coordinator's figures. */
export const INDICATORS_NAMESPACE = 'indicators';

/** The dashboards' texts per UI language (same keys in each; see locales.test.ts). */
export const indicatorsResources = {
  'nl-BE': nlBE,
  en,
} as const;

/**
 * Adds the dashboards' texts to `i18n` (once per instance). Only the lazily loaded dashboard pages import
 * this module, so these texts stay out of the first download.
 */
export function addIndicatorTranslations(i18n: I18n): void {
  for (const [language, bundle] of Object.entries(indicatorsResources)) {
    if (!i18n.hasResourceBundle(language, INDICATORS_NAMESPACE)) {
      i18n.addResourceBundle(language, INDICATORS_NAMESPACE, bundle);
    }
  }
}
