import 'i18next';
import type guidanceNlBE from './locales/guidance/nl-BE.json';
import type nlBE from './locales/nl-BE.json';

// Typed translation keys: `t('home.title')` is checked against the Dutch (source) locale. The
// `guidance` namespace (learners, cases) is added when the region area loads: see ./guidance.ts.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nlBE; guidance: typeof guidanceNlBE };
  }
}
