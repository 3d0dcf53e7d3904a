import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_LISTS, type CodeListEntry, type CodeListName } from '@leerwinkel/contracts';
import type { SelectOption } from '@/components/ui/select-field';

function labelOf(entry: CodeListEntry, language: string): string {
  return language.startsWith('nl') ? entry.nl : entry.en;
}

export interface CodeLists {
  /** The label of `code` in `list` (or of a data-quality code) in the current language; the code itself when unknown. */
  label: (list: CodeListName, code: string | null | undefined) => string;
  /** The codes of `list` as options; `dataQuality` adds unknown / prefers not to say / not collected as a group. */
  options: (list: CodeListName, settings?: { dataQuality?: boolean }) => SelectOption[];
}

/** The shared code lists (@leerwinkel/contracts), labelled in the UI language (nl or en). */
export function useCodeLists(): CodeLists {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo<CodeLists>(() => {
    const dataQualityGroup = t('codeLists.dataQuality');
    return {
      label: (list, code) => {
        if (code === null || code === undefined) return '';
        const entry = [...CODE_LISTS[list], ...CODE_LISTS.dataQuality].find((candidate) => candidate.code === code);
        return entry ? labelOf(entry, language) : code;
      },
      options: (list, { dataQuality = false } = {}) => [
        ...CODE_LISTS[list].map((entry) => ({ value: entry.code, label: labelOf(entry, language) })),
        ...(dataQuality
          ? CODE_LISTS.dataQuality.map((entry) => ({
              value: entry.code,
              label: labelOf(entry, language),
              group: dataQualityGroup,
            }))
          : []),
      ],
    };
  }, [t, language]);
}
