import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import nlBE from './locales/nl-BE.json';

/** The languages the UI speaks, in the order the language switch shows them. Dutch (Belgium) first. */
export const SUPPORTED_LANGUAGES = ['nl-BE', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl-BE';

/** localStorage key under which the chosen language is kept between visits. */
export const LANGUAGE_STORAGE_KEY = 'leerwinkel.language';

export const resources = {
  'nl-BE': { translation: nlBE },
  en: { translation: en },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** Maps any language tag i18next reports back onto one the UI supports (nl-BE when unknown). */
export function toLanguage(value: string | undefined): Language {
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}

interface I18nEnvironment {
  /** Where the chosen language is kept; `null` to keep nothing (e.g. storage is blocked). */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** The document whose `<html lang>` follows the language. */
  document?: Document;
}

function readStoredLanguage(storage: I18nEnvironment['storage']): Language | undefined {
  try {
    const stored = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    // Storage can throw when the browser blocks it (private mode, strict cookie settings).
    return undefined;
  }
}

function storeLanguage(storage: I18nEnvironment['storage'], language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not being able to remember the choice is not worth bothering the user about.
  }
}

/**
 * Creates an initialised i18next instance with both locales bundled (no network round trip).
 * The start language is the stored choice, else nl-BE. Each language change is stored and
 * mirrored on `<html lang>` so assistive technology pronounces the page correctly.
 */
export function createI18n(environment: I18nEnvironment = {}): I18n {
  const storage = environment.storage === undefined ? safeLocalStorage() : environment.storage;
  const doc = environment.document ?? (typeof document === 'undefined' ? undefined : document);
  const instance = i18next.createInstance();

  void instance.use(initReactI18next).init({
    resources,
    lng: readStoredLanguage(storage) ?? DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: SUPPORTED_LANGUAGES,
    load: 'currentOnly',
    initAsync: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
  });

  const applyLanguage = (language: string): void => {
    if (doc) doc.documentElement.lang = toLanguage(language);
  };
  applyLanguage(instance.language);
  instance.on('languageChanged', (language) => {
    applyLanguage(language);
    storeLanguage(storage, toLanguage(language));
  });
  return instance;
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
