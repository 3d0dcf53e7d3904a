import { useId, useRef, useState } from 'react';

export interface CopyFieldLabels {
  /** Label of the read-only field. */
  field: string;
  copy: string;
  copied: string;
  /** Shown when the clipboard is not available: tells the user to copy by hand. */
  copyFailed: string;
}

interface CopyFieldProps {
  value: string;
  labels: CopyFieldLabels;
}

/** A read-only value (a link, a secret) with a button that copies it; the result is announced. */
export function CopyField({ value, labels }: CopyFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy(): Promise<void> {
    try {
      if (!('clipboard' in navigator)) throw new Error('No clipboard');
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      inputRef.current?.select();
      setOutcome('failed');
    }
  }

  return (
    <div className="copy-field">
      <label className="field__label" htmlFor={id}>
        {labels.field}
      </label>
      <div className="copy-field__row">
        <input
          ref={inputRef}
          id={id}
          className="field__input copy-field__input"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {labels.copy}
        </button>
      </div>
      <p className="copy-field__status" role="status">
        {outcome === 'copied' ? labels.copied : outcome === 'failed' ? labels.copyFailed : ''}
      </p>
    </div>
  );
}
