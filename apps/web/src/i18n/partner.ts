import type { i18n as I18n } from 'i18next';
import en from './locales/partner/en.json';
import nlBE from './locales/partner/nl-BE.json';

/** The namespace of the partner organisations' page (referrals addressed to them). */
export const PARTNER_NAMESPACE = 'partner';

/** The partner page's texts per UI language (same keys in each; see locales.test.ts). */
export const partnerResources = {
  'nl-BE': nlBE,
  en,
} as const;

/**
 * Adds the partner page's texts to `i18n` (once per instance). Only the lazily loaded partner page
 * imports this module, so these texts stay out of the first download.
 */
export function addPartnerTranslations(i18n: I18n): void {
  for (const [language, bundle] of Object.entries(partnerResources)) {
    if (!i18n.hasResourceBundle(language, PARTNER_NAMESPACE)) {
      i18n.addResourceBundle(language, PARTNER_NAMESPACE, bundle);
    }
  }
}
