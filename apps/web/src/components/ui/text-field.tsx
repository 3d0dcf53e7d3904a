import type { InputHTMLAttributes } from 'react';
import { Field } from './field';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  label: string;
  /** Help shown under the label, linked to the input. */
  hint?: string;
  /** The field's error, shown under the input and linked to it. */
  error?: string | undefined;
}

/** A labelled input with optional hint and error, both tied to the input by aria-describedby. */
export function TextField({ label, hint, error, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => <input className="field__input" {...control} {...input} />}
    </Field>
  );
}
