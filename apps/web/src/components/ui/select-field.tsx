import type { SelectHTMLAttributes } from 'react';
import { Field } from './field';

export interface SelectOption {
  value: string;
  label: string;
  /** Options with the same group are shown together under that heading (an optgroup). */
  group?: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className' | 'children'> {
  label: string;
  options: readonly SelectOption[];
  /** Help shown under the label, linked to the select. */
  hint?: string;
  error?: string | undefined;
}

/** Options in order, consecutive options of one group gathered under their group. */
function sections(options: readonly SelectOption[]): { group: string | undefined; options: SelectOption[] }[] {
  const result: { group: string | undefined; options: SelectOption[] }[] = [];
  for (const option of options) {
    const last = result.at(-1);
    if (last !== undefined && last.group === option.group) last.options.push(option);
    else result.push({ group: option.group, options: [option] });
  }
  return result;
}

/** A labelled native select with an optional hint and error tied to it. */
export function SelectField({ label, options, hint, error, ...select }: SelectFieldProps) {
  const renderOption = (option: SelectOption) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  );
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <select className="field__input" {...control} {...select}>
          {sections(options).map((section, index) =>
            section.group === undefined ? (
              section.options.map(renderOption)
            ) : (
              <optgroup key={`${section.group}-${String(index)}`} label={section.group}>
                {section.options.map(renderOption)}
              </optgroup>
            ),
          )}
        </select>
      )}
    </Field>
  );
}
