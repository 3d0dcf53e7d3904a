import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { FormActions } from '@/components/ui/form-actions';
import { LoadError, LoadingStatus } from '@/components/ui/query-status';
import { TextField } from '@/components/ui/text-field';
import { useFocusFirstInvalid } from '@/components/ui/use-focus-first-invalid';
import { formatDateTime } from '@/lib/format';
import { useProblemText } from '@/lib/problem-messages';
import { useRegionSettings, type RegionSettings } from '../api/region-settings-query';
import { useUpdateRegionSettings, type RegionSettingsChanges } from '../api/update-region-settings-mutation';

interface RegionSettingsPanelProps {
  region: string;
  /** Coordinators may change the settings; counsellors only read them. */
  canEdit: boolean;
}

/** The region's settings: read-only, or with a form for coordinators. */
export function RegionSettingsPanel({ region, canEdit }: RegionSettingsPanelProps) {
  // The retention texts come with the region area's `guidance` namespace (kept out of the first download).
  const { t, i18n } = useTranslation(['translation', 'guidance']);
  const settings = useRegionSettings(region);
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);

  let body;
  if (settings.isPending) {
    body = <LoadingStatus />;
  } else if (settings.isError) {
    body = <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  } else if (editing) {
    body = (
      <RegionSettingsForm
        region={region}
        settings={settings.data}
        onDone={(changed) => {
          setEditing(false);
          setSaved(changed);
          // Back to where the user started, now that the form is gone.
          setTimeout(() => editButtonRef.current?.focus(), 0);
        }}
      />
    );
  } else {
    const value = settings.data;
    body = (
      <>
        {saved && <Alert tone="success">{t('regionSettings.saved')}</Alert>}
        <dl className="details">
          <dt>{t('regionSettings.contactEmail')}</dt>
          <dd>{value.contactEmail ?? t('regionSettings.notSet')}</dd>
          <dt>{t('regionSettings.contactPhone')}</dt>
          <dd>{value.contactPhone ?? t('regionSettings.notSet')}</dd>
          <dt>{t('regionSettings.referralExpiryDays')}</dt>
          <dd>{t('regionSettings.days', { count: value.referralExpiryDays })}</dd>
          <dt>{t('regionSettings.inszEnabled')}</dt>
          <dd>{value.inszEnabled ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('guidance:retention.infoMonths')}</dt>
          <dd>{t('guidance:retention.months', { count: value.retentionInfoMonths })}</dd>
          <dt>{t('guidance:retention.guidanceMonths')}</dt>
          <dd>{t('guidance:retention.months', { count: value.retentionGuidanceMonths })}</dd>
          <dt>{t('regionSettings.updatedAt')}</dt>
          <dd>{formatDateTime(value.updatedAt, i18n.language)}</dd>
        </dl>
        {canEdit ? (
          <p>
            <button
              ref={editButtonRef}
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('regionSettings.edit')}
            </button>
          </p>
        ) : (
          <p className="muted">{t('regionSettings.readOnly')}</p>
        )}
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('regionSettings.title')}</h2>
      {body}
    </section>
  );
}

interface RegionSettingsFormProps {
  region: string;
  settings: RegionSettings;
  /** `changed`: whether anything was saved. */
  onDone: (changed: boolean) => void;
}

/** Retention periods in whole months, as the API takes them. */
const RETENTION_MIN = 1;
const RETENTION_MAX = 240;

function monthsOf(text: string): number | undefined {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= RETENTION_MIN && value <= RETENTION_MAX
    ? value
    : undefined;
}

type RetentionField = 'retentionInfoMonths' | 'retentionGuidanceMonths';

interface RetentionMonthsFieldProps {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** A retention period: a whole number of months from RETENTION_MIN to RETENTION_MAX. */
function RetentionMonthsField({ label, hint, value, onChange, error }: RetentionMonthsFieldProps) {
  return (
    <TextField
      label={label}
      type="number"
      inputMode="numeric"
      min={RETENTION_MIN}
      max={RETENTION_MAX}
      step={1}
      required
      value={value}
      onChange={(event) => {
        onChange(event.target.value);
      }}
      hint={hint}
      error={error}
    />
  );
}

function RegionSettingsForm({ region, settings, onDone }: RegionSettingsFormProps) {
  const { t } = useTranslation(['translation', 'guidance']);
  const problems = useProblemText();
  const update = useUpdateRegionSettings(region);
  const [contactEmail, setContactEmail] = useState(settings.contactEmail ?? '');
  const [contactPhone, setContactPhone] = useState(settings.contactPhone ?? '');
  const [referralExpiryDays, setReferralExpiryDays] = useState(String(settings.referralExpiryDays));
  const [inszEnabled, setInszEnabled] = useState(settings.inszEnabled);
  const [retentionInfoMonths, setRetentionInfoMonths] = useState(String(settings.retentionInfoMonths));
  const [retentionGuidanceMonths, setRetentionGuidanceMonths] = useState(String(settings.retentionGuidanceMonths));
  const [retentionProblems, setRetentionProblems] = useState<Partial<Record<RetentionField, string>>>({});
  const fieldErrors = update.isError ? problems.fieldErrors(update.error) : {};
  const formRef = useRef<HTMLFormElement>(null);
  // The form's own check first, else the API's field error.
  const retentionErrors: Partial<Record<RetentionField, string>> = {
    retentionInfoMonths: retentionProblems.retentionInfoMonths ?? fieldErrors.retentionInfoMonths,
    retentionGuidanceMonths: retentionProblems.retentionGuidanceMonths ?? fieldErrors.retentionGuidanceMonths,
  };
  const focusFirstInvalid = useFocusFirstInvalid(
    formRef,
    [...Object.values(fieldErrors), ...Object.values(retentionErrors)].join('|'),
  );

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const infoMonths = monthsOf(retentionInfoMonths);
    const guidanceMonths = monthsOf(retentionGuidanceMonths);
    const found: Partial<Record<RetentionField, string>> = {};
    if (infoMonths === undefined) found.retentionInfoMonths = t('guidance:retention.outOfRange');
    if (guidanceMonths === undefined) found.retentionGuidanceMonths = t('guidance:retention.outOfRange');
    setRetentionProblems(found);
    if (infoMonths === undefined || guidanceMonths === undefined) {
      update.reset();
      focusFirstInvalid();
      return;
    }
    const changes: RegionSettingsChanges = {};
    const email = contactEmail.trim() === '' ? null : contactEmail.trim();
    const phone = contactPhone.trim() === '' ? null : contactPhone.trim();
    const days = Number(referralExpiryDays);
    if (email !== settings.contactEmail) changes.contactEmail = email;
    if (phone !== settings.contactPhone) changes.contactPhone = phone;
    if (days !== settings.referralExpiryDays) changes.referralExpiryDays = days;
    if (inszEnabled !== settings.inszEnabled) changes.inszEnabled = inszEnabled;
    if (infoMonths !== settings.retentionInfoMonths) changes.retentionInfoMonths = infoMonths;
    if (guidanceMonths !== settings.retentionGuidanceMonths) changes.retentionGuidanceMonths = guidanceMonths;
    if (Object.keys(changes).length === 0) {
      onDone(false);
      return;
    }
    update.mutate(changes, {
      onSuccess: () => {
        onDone(true);
      },
      onError: () => {
        focusFirstInvalid();
      },
    });
  }

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      {update.isError && <Alert tone="error">{problems.message(update.error)}</Alert>}
      <TextField
        label={t('regionSettings.contactEmail')}
        type="email"
        autoComplete="off"
        value={contactEmail}
        onChange={(event) => {
          setContactEmail(event.target.value);
        }}
        hint={t('regionSettings.clearHint')}
        error={fieldErrors.contactEmail}
      />
      <TextField
        label={t('regionSettings.contactPhone')}
        type="tel"
        autoComplete="off"
        value={contactPhone}
        onChange={(event) => {
          setContactPhone(event.target.value);
        }}
        error={fieldErrors.contactPhone}
      />
      <TextField
        label={t('regionSettings.referralExpiryDays')}
        type="number"
        inputMode="numeric"
        min={1}
        max={90}
        required
        value={referralExpiryDays}
        onChange={(event) => {
          setReferralExpiryDays(event.target.value);
        }}
        hint={t('regionSettings.referralExpiryHint')}
        error={fieldErrors.referralExpiryDays}
      />
      <div className="field field--checkbox">
        <label>
          <input
            type="checkbox"
            checked={inszEnabled}
            onChange={(event) => {
              setInszEnabled(event.target.checked);
            }}
          />{' '}
          {t('regionSettings.inszEnabled')}
        </label>
        {fieldErrors.inszEnabled !== undefined && <p className="field__error">{fieldErrors.inszEnabled}</p>}
      </div>
      <RetentionMonthsField
        label={t('guidance:retention.infoMonths')}
        hint={t('guidance:retention.hint')}
        value={retentionInfoMonths}
        onChange={setRetentionInfoMonths}
        error={retentionErrors.retentionInfoMonths}
      />
      <RetentionMonthsField
        label={t('guidance:retention.guidanceMonths')}
        hint={t('guidance:retention.hint')}
        value={retentionGuidanceMonths}
        onChange={setRetentionGuidanceMonths}
        error={retentionErrors.retentionGuidanceMonths}
      />
      <FormActions
        submitLabel={t('common.save')}
        pending={update.isPending}
        pendingLabel={t('common.saving')}
        onCancel={() => {
          onDone(false);
        }}
      />
    </form>
  );
}
