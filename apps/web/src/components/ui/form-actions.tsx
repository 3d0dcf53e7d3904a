import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  /** The submit button's text. */
  submitLabel: string;
  /** While the form is being sent the submit button is disabled (and shows `pendingLabel` when given). */
  pending?: boolean;
  pendingLabel?: string;
  /** Adds a "cancel" button after the submit button, calling this. */
  onCancel?: () => void;
  /** The submit button looks secondary (the form is not the main action of its page). */
  secondary?: boolean;
  /** Large buttons (the partner portal, used on tablets). */
  large?: boolean;
  /** Further actions after the buttons (a cancel link, a reset button). */
  children?: ReactNode;
}

const classes = (...names: (string | false)[]) => names.filter((name) => name !== false).join(' ');

/** The buttons under a form: submit (disabled while pending) and an optional cancel. */
export function FormActions({
  submitLabel,
  pending = false,
  pendingLabel,
  onCancel,
  secondary = false,
  large = false,
  children,
}: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <button
        type="submit"
        className={classes('button', secondary && 'button--secondary', large && 'button--large')}
        disabled={pending}
      >
        {pending && pendingLabel !== undefined ? pendingLabel : submitLabel}
      </button>
      {onCancel !== undefined && (
        <button
          type="button"
          className={classes('button', 'button--secondary', large && 'button--large')}
          onClick={onCancel}
        >
          {t('common.cancel')}
        </button>
      )}
      {children}
    </div>
  );
}
