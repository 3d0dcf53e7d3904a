import { useId } from 'react';

export interface LanguageOption<Value extends string> {
  value: Value;
  /** The language's own name ("Nederlands", "English"). */
  label: string;
}

interface LanguageSwitchProps<Value extends string> {
  /** Visible label of the group ("Taal"). */
  label: string;
  options: readonly LanguageOption<Value>[];
  value: Value;
  onChange: (value: Value) => void;
}

/** A small group of toggle buttons; the pressed one is the current language. */
export function LanguageSwitch<Value extends string>({ label, options, value, onChange }: LanguageSwitchProps<Value>) {
  const labelId = useId();
  return (
    <div className="language-switch" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="language-switch__label">
        {label}
      </span>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          lang={option.value}
          className="language-switch__option"
          aria-pressed={option.value === value}
          onClick={() => {
            if (option.value !== value) onChange(option.value);
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
