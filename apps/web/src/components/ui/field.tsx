import { useId, type ReactNode } from 'react';

/** What ties a control to its label, hint and error: spread it on the input, select or text area. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** Ids for a field's control, hint and error, and the aria-describedby that names the hint and error shown. */
export function useFieldDescription(hint: string | undefined, error: string | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? null : hintId, error === undefined ? null : errorId]
    .filter((value) => value !== null)
    .join(' ');
  return { id, hintId, errorId, describedBy: describedBy === '' ? undefined : describedBy };
}

/** A field's help text (nothing when `hint` is undefined). */
export function FieldHint({ id, hint }: { id: string; hint: string | undefined }) {
  return hint === undefined ? null : (
    <p id={id} className="field__hint">
      {hint}
    </p>
  );
}

/** A field's error (nothing when `error` is undefined). */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error === undefined ? null : (
    <p id={id} className="field__error">
      {error}
    </p>
  );
}

interface FieldProps {
  label: string;
  /** Help shown under the label, linked to the control. */
  hint?: string | undefined;
  /** The field's error, shown under the control and linked to it. */
  error?: string | undefined;
  /** Renders the control with the props that tie it to the label, hint and error. */
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled control with optional hint and error, both tied to the control by aria-describedby. */
export function Field({ label, hint, error, children }: FieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldDescription(hint, error);
  return (
    <div className="field" data-invalid={error !== undefined}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldHint id={hintId} hint={hint} />
      {children({ id, 'aria-invalid': error === undefined ? undefined : true, 'aria-describedby': describedBy })}
      <FieldError id={errorId} error={error} />
    </div>
  );
}
