import { useTranslation } from 'react-i18next';
import { useCodeLists } from '@/lib/code-lists';
import { intlLocale } from '@/lib/format';

const DATA_QUALITY = ['unknown', 'prefers_not_to_say', 'not_collected'];

/** The name of a native-language code (ISO 639) in the UI language, or the label of a data-quality code. */
export function useLanguageName(): (code: string) => string {
  const { i18n } = useTranslation();
  const codeLists = useCodeLists();
  return (code) => {
    if (DATA_QUALITY.includes(code)) return codeLists.label('dataQuality', code);
    return new Intl.DisplayNames([intlLocale(i18n.language)], { type: 'language', fallback: 'code' }).of(code) ?? code;
  };
}
