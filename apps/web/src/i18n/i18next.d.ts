import 'i18next';
import type nlBE from './locales/nl-BE.json';

// Typed translation keys: `t('home.title')` is checked against the Dutch (source) locale.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nlBE };
  }
}
