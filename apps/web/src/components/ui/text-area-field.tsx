import type { TextareaHTMLAttributes } from 'react';
import { Field } from './field';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> {
  label: string;
  /** Help shown under the label, linked to the text area. */
  hint?: string;
  /** The field's error, shown under the text area and linked to it. */
  error?: string | undefined;
}

/** A labelled multi-line text field with optional hint and error, tied to it by aria-describedby. */
export function TextAreaField({ label, hint, error, rows = 4, ...textarea }: TextAreaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <textarea className="field__input field__input--multiline" rows={rows} {...control} {...textarea} />
      )}
    </Field>
  );
}
