import 'i18next';
import type guidanceNlBE from './locales/guidance/nl-BE.json';
import type indicatorsNlBE from './locales/indicators/nl-BE.json';
import type partnerNlBE from './locales/partner/nl-BE.json';
import type privacyNlBE from './locales/privacy/nl-BE.json';
import type nlBE from './locales/nl-BE.json';

// Typed translation keys: `t('home.title')` is checked against the Dutch (source) locale. The
// `guidance` namespace (learners, cases, referrals) is added when the region area loads: see
// ./guidance.ts; the `partner` namespace when the partner page loads: see ./partner.ts; the `indicators`
// namespace when a dashboard loads: see ./indicators.ts; the `privacy` namespace when the data-protection page
// loads: see ./privacy.ts.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof nlBE;
      guidance: typeof guidanceNlBE;
      partner: typeof partnerNlBE;
      indicators: typeof indicatorsNlBE;
      privacy: typeof privacyNlBE;
    };
  }
}
