import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { FormActions } from '@/components/ui/form-actions';
import { SelectField, type SelectOption } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFocusFirstInvalid } from '@/components/ui/use-focus-first-invalid';
import { useCodeLists } from '@/lib/code-lists';
import { isCalendarDate } from '@/lib/dates';
import { isCaseKind, type IndicatorFilterValues } from '../hooks/use-indicator-filters';

type FilterField = 'from' | 'to' | 'kind' | 'regions';

interface IndicatorFiltersFormProps {
  /** The filters in force (from the address). Give the form a `key` derived from them to start over on change. */
  values: IndicatorFilterValues;
  /**
   * The regions to choose from: undefined for no region filter (a coordinator's own region); null while the
   * list is not (yet) available, with `regionsNote` saying why.
   */
  regionOptions?: readonly SelectOption[] | null;
  regionsNote?: string | undefined;
  /** Field errors of the API's answer to the filters in force, by field (from, to, kind, regions). */
  apiErrors: Readonly<Record<string, string>>;
  onApply: (values: IndicatorFilterValues) => void;
  /** Back to the default view; absent when the default view is shown. */
  onReset?: (() => void) | undefined;
}

/**
 * The dashboard's filters: period (from, through), kind of case and, for the support point, the regions (all
 * ticked by default). Applied with a button, so that a half-typed date does not start a request.
 */
export function IndicatorFiltersForm({
  values,
  regionOptions,
  regionsNote,
  apiErrors,
  onApply,
  onReset,
}: IndicatorFiltersFormProps) {
  const { t } = useTranslation(['indicators', 'translation']);
  const codeLists = useCodeLists();
  const [from, setFrom] = useState(values.from);
  const [to, setTo] = useState(values.to);
  const [kind, setKind] = useState<string>(values.kind ?? '');
  const allRegions = (regionOptions ?? []).map((option) => option.value);
  // Untouched and none in the address: every region is ticked (also when the list arrives after the form).
  const [chosenRegions, setRegions] = useState<readonly string[] | undefined>(
    values.regions.length > 0 ? values.regions : undefined,
  );
  const regions = chosenRegions ?? allRegions;
  const [problems, setProblems] = useState<Partial<Record<FilterField, string>>>({});
  const errors: Partial<Record<FilterField, string>> = {
    from: problems.from ?? apiErrors.from,
    to: problems.to ?? apiErrors.to ?? apiErrors.groupBy,
    kind: apiErrors.kind,
    regions: problems.regions ?? apiErrors.regions,
  };
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef, Object.values(errors).join('|'));

  /** Every region ticked is the default view: all regions (also those added later). */
  function regionsToApply(): readonly string[] {
    if (!regionOptions || chosenRegions === undefined) return values.regions;
    return allRegions.every((slug) => regions.includes(slug)) ? [] : regions;
  }

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const found: Partial<Record<FilterField, string>> = {};
    if (!isCalendarDate(from)) found.from = t('filters.errors.date');
    if (!isCalendarDate(to)) found.to = t('filters.errors.date');
    if (found.from === undefined && found.to === undefined && from > to) found.to = t('filters.errors.order');
    if (regionOptions && regions.length === 0) found.regions = t('translation:fieldErrors.pickOne');
    setProblems(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    onApply({
      from,
      to,
      kind: isCaseKind(kind) ? kind : undefined,
      regions: regionsToApply(),
    });
  }

  return (
    <form ref={formRef} className="form indicator-filters" aria-label={t('filters.title')} onSubmit={submit} noValidate>
      <div className="form form--inline">
        <TextField
          label={t('filters.from')}
          type="date"
          required
          value={from}
          max={to}
          onChange={(event) => {
            setFrom(event.target.value);
          }}
          error={errors.from}
        />
        <TextField
          label={t('filters.to')}
          type="date"
          required
          value={to}
          min={from}
          onChange={(event) => {
            setTo(event.target.value);
          }}
          error={errors.to}
        />
        <SelectField
          label={t('filters.kind')}
          value={kind}
          options={[{ value: '', label: t('filters.allKinds') }, ...codeLists.options('caseKinds')]}
          onChange={(event) => {
            setKind(event.target.value);
          }}
          error={errors.kind}
        />
      </div>
      <p className="field__hint">{t('filters.periodHint')}</p>
      {regionOptions === null && regionsNote !== undefined && <p className="muted">{regionsNote}</p>}
      {regionOptions && regionOptions.length > 0 && (
        <div className="indicator-filters__regions">
          <CheckboxGroup
            legend={t('filters.regions')}
            hint={t('filters.regionsHint')}
            options={regionOptions}
            values={regions}
            onChange={setRegions}
            error={errors.regions}
          />
          <div className="row-actions">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setRegions(allRegions);
              }}
            >
              {t('filters.selectAll')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setRegions([]);
              }}
            >
              {t('filters.selectNone')}
            </button>
          </div>
        </div>
      )}
      <FormActions submitLabel={t('filters.apply')}>
        {onReset !== undefined && (
          <button type="button" className="button button--secondary" onClick={onReset}>
            {t('filters.reset')}
          </button>
        )}
      </FormActions>
    </form>
  );
}
