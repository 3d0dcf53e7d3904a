import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FieldHint, useFieldDescription } from '@/components/ui/field';

interface HealthBarrierFieldProps {
  /** undefined: not touched (nothing is sent). */
  value: boolean | undefined;
  onChange: (value: boolean) => void;
  /** The current value is not known here (it is only shown on request): the box shows "mixed" until touched. */
  unknown?: boolean;
  error?: string | undefined;
}

/**
 * "Gezondheid is een drempel": apart from the other barriers, because health is a special category of data (stored
 * encrypted, shown only to the case's counsellor and the coordinators).
 */
export function HealthBarrierField({ value, onChange, unknown = false, error }: HealthBarrierFieldProps) {
  const { t } = useTranslation('guidance');
  const hint = unknown ? `${t('health.hint')} ${t('health.unknownHint')}` : t('health.hint');
  const { id, hintId, errorId, describedBy } = useFieldDescription(hint, error);
  const inputRef = useRef<HTMLInputElement>(null);
  const mixed = unknown && value === undefined;

  useEffect(() => {
    if (inputRef.current) inputRef.current.indeterminate = mixed;
  }, [mixed]);

  return (
    <div className="field field--checkbox" data-invalid={error !== undefined}>
      <label htmlFor={id}>
        <input
          ref={inputRef}
          id={id}
          type="checkbox"
          checked={value === true}
          aria-describedby={describedBy}
          aria-invalid={error === undefined ? undefined : true}
          onChange={(event) => {
            onChange(event.target.checked);
          }}
        />{' '}
        {t('health.label')}
      </label>
      <FieldHint id={hintId} hint={hint} />
      <FieldError id={errorId} error={error} />
    </div>
  );
}
