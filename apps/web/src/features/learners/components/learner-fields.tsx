import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { SelectField, type SelectOption } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useCodeLists } from '@/lib/code-lists';
import { intlLocale } from '@/lib/format';
import type { DraftField, LearnerDraft } from './learner-draft';

/** Native languages offered in the list (ISO 639); any other code can be typed. */
const COMMON_LANGUAGES = [
  'nl',
  'fr',
  'en',
  'de',
  'ar',
  'rif',
  'tr',
  'pl',
  'ro',
  'bg',
  'es',
  'it',
  'pt',
  'ru',
  'uk',
  'fa',
  'prs',
  'ps',
  'ti',
  'so',
  'am',
  'ku',
  'sq',
  'ln',
  'sw',
  'vi',
];
const DATA_QUALITY_LANGUAGES = ['unknown', 'prefers_not_to_say', 'not_collected'];
const OTHER_LANGUAGE = 'other';

interface LearnerFieldsProps {
  draft: LearnerDraft;
  onChange: (draft: LearnerDraft) => void;
  /** Messages per field (client checks first, else the API's field errors). */
  errors: Partial<Record<DraftField, string>>;
  /** The INSZ field is only there when the region records it. */
  inszEnabled: boolean;
  /** Editing an existing learner: the INSZ field then replaces the stored number only when filled. */
  editing?: boolean;
}

/** Every field of a learner, grouped; code lists as selects, data-quality answers where the API allows them. */
export function LearnerFields({ draft, onChange, errors, inszEnabled, editing = false }: LearnerFieldsProps) {
  const { t, i18n } = useTranslation(['guidance', 'translation']);
  const codeLists = useCodeLists();
  const [otherLanguage, setOtherLanguage] = useState(
    () =>
      draft.nativeLanguage !== '' && ![...COMMON_LANGUAGES, ...DATA_QUALITY_LANGUAGES].includes(draft.nativeLanguage),
  );

  const set = <K extends DraftField>(field: K, value: LearnerDraft[K]): void => {
    onChange({ ...draft, [field]: value });
  };
  const choose = (placeholder: string, options: SelectOption[]): SelectOption[] => [
    { value: '', label: placeholder },
    ...options,
  ];

  const languageOptions = useMemo(() => {
    const names = new Intl.DisplayNames([intlLocale(i18n.language)], { type: 'language' });
    const collator = new Intl.Collator(intlLocale(i18n.language));
    const languages = COMMON_LANGUAGES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort(
      (left, right) => collator.compare(left.label, right.label),
    );
    return languages;
  }, [i18n.language]);

  const pick = t('learnerFields.choose');
  const optional = (label: string): string => t('learnerFields.optional', { label });
  const codeSelect = (
    field: 'gender' | 'dutchLevel' | 'educationLevel' | 'employmentStatus' | 'referralSource',
    list: 'genders' | 'dutchLevels' | 'educationLevels' | 'employmentStatuses' | 'referralSources',
  ) => (
    <SelectField
      label={t(`learnerFields.${field}`)}
      required
      value={draft[field]}
      options={choose(pick, codeLists.options(list, { dataQuality: true }))}
      onChange={(event) => {
        set(field, event.target.value);
      }}
      error={errors[field]}
    />
  );

  return (
    <>
      <fieldset className="fieldset form">
        <legend className="form__legend">{t('learnerFields.personal')}</legend>
        <TextField
          label={t('learnerFields.firstName')}
          autoComplete="off"
          required
          maxLength={100}
          value={draft.firstName}
          onChange={(event) => {
            set('firstName', event.target.value);
          }}
          error={errors.firstName}
        />
        <TextField
          label={t('learnerFields.lastName')}
          autoComplete="off"
          required
          maxLength={100}
          value={draft.lastName}
          onChange={(event) => {
            set('lastName', event.target.value);
          }}
          error={errors.lastName}
        />
        <TextField
          label={t('learnerFields.dateOfBirth')}
          type="date"
          required
          hint={t('learnerFields.dateOfBirthHint')}
          value={draft.dateOfBirth}
          onChange={(event) => {
            set('dateOfBirth', event.target.value);
          }}
          error={errors.dateOfBirth}
        />
        {codeSelect('gender', 'genders')}
        {inszEnabled && (
          <TextField
            label={optional(t('learnerFields.insz'))}
            autoComplete="off"
            inputMode="numeric"
            maxLength={20}
            hint={editing ? t('learnerFields.inszEditHint') : t('learnerFields.inszHint')}
            value={draft.insz}
            onChange={(event) => {
              set('insz', event.target.value);
            }}
            error={errors.insz}
          />
        )}
      </fieldset>

      <fieldset className="fieldset form">
        <legend className="form__legend">{t('learnerFields.contact')}</legend>
        <TextField
          label={optional(t('learnerFields.email'))}
          type="email"
          autoComplete="off"
          value={draft.email}
          onChange={(event) => {
            set('email', event.target.value);
          }}
          error={errors.email}
        />
        <TextField
          label={optional(t('learnerFields.phone'))}
          type="tel"
          autoComplete="off"
          value={draft.phone}
          onChange={(event) => {
            set('phone', event.target.value);
          }}
          error={errors.phone}
        />
        <TextField
          label={optional(t('learnerFields.postalCode'))}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          hint={t('learnerFields.postalCodeHint')}
          value={draft.postalCode}
          onChange={(event) => {
            set('postalCode', event.target.value);
          }}
          error={errors.postalCode}
        />
        <TextField
          label={optional(t('learnerFields.municipality'))}
          autoComplete="off"
          maxLength={100}
          value={draft.municipality}
          onChange={(event) => {
            set('municipality', event.target.value);
          }}
          error={errors.municipality}
        />
      </fieldset>

      <fieldset className="fieldset form">
        <legend className="form__legend">{t('learnerFields.background')}</legend>
        <SelectField
          label={t('learnerFields.nativeLanguage')}
          required
          value={otherLanguage ? OTHER_LANGUAGE : draft.nativeLanguage}
          options={[
            { value: '', label: pick },
            ...languageOptions,
            { value: OTHER_LANGUAGE, label: t('learnerFields.otherLanguage') },
            ...codeLists.options('dataQuality').map((option) => ({
              ...option,
              group: t('translation:codeLists.dataQuality'),
            })),
          ]}
          onChange={(event) => {
            const value = event.target.value;
            setOtherLanguage(value === OTHER_LANGUAGE);
            set('nativeLanguage', value === OTHER_LANGUAGE ? '' : value);
          }}
          error={otherLanguage ? undefined : errors.nativeLanguage}
        />
        {otherLanguage && (
          <TextField
            label={t('learnerFields.languageCode')}
            autoComplete="off"
            maxLength={3}
            hint={t('learnerFields.languageCodeHint')}
            value={draft.nativeLanguage}
            onChange={(event) => {
              set('nativeLanguage', event.target.value);
            }}
            error={errors.nativeLanguage}
          />
        )}
        {codeSelect('dutchLevel', 'dutchLevels')}
        {codeSelect('educationLevel', 'educationLevels')}
        {codeSelect('employmentStatus', 'employmentStatuses')}
        <CheckboxGroup
          legend={optional(t('learnerFields.targetGroups'))}
          hint={t('learnerFields.targetGroupsHint')}
          options={codeLists.options('targetGroups')}
          values={draft.targetGroups}
          onChange={(values) => {
            set('targetGroups', values);
          }}
          error={errors.targetGroups}
        />
        {codeSelect('referralSource', 'referralSources')}
      </fieldset>
    </>
  );
}
