import { FieldError, FieldHint, useFieldDescription } from './field';
import type { SelectOption } from './select-field';

interface CheckboxGroupProps {
  /** The question, shown as the legend of the group. */
  legend: string;
  hint?: string;
  options: readonly SelectOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
}

/** A group of checkboxes for a multiple choice; the values keep the order of the options. */
export function CheckboxGroup({ legend, hint, options, values, onChange, error }: CheckboxGroupProps) {
  const { hintId, errorId, describedBy } = useFieldDescription(hint, error);

  function toggle(value: string, checked: boolean): void {
    const chosen = new Set(values);
    if (checked) chosen.add(value);
    else chosen.delete(value);
    onChange(options.map((option) => option.value).filter((candidate) => chosen.has(candidate)));
  }

  return (
    <fieldset className="field fieldset" data-invalid={error !== undefined} aria-describedby={describedBy}>
      <legend className="field__label">{legend}</legend>
      <FieldHint id={hintId} hint={hint} />
      <div className="checkbox-group">
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              value={option.value}
              checked={values.includes(option.value)}
              onChange={(event) => {
                toggle(option.value, event.target.checked);
              }}
            />{' '}
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}
