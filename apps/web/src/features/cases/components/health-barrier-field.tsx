import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

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
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
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
          aria-describedby={error === undefined ? hintId : `${hintId} ${errorId}`}
          aria-invalid={error === undefined ? undefined : true}
          onChange={(event) => {
            onChange(event.target.checked);
          }}
        />{' '}
        {t('health.label')}
      </label>
      <p id={hintId} className="field__hint">
        {t('health.hint')}
        {unknown && ` ${t('health.unknownHint')}`}
      </p>
      {error !== undefined && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
