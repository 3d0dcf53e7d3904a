import { useId, type ButtonHTMLAttributes, type Ref } from 'react';

interface ExplainedButtonProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type' | 'disabled' | 'aria-describedby'
> {
  /** Why the button cannot be used now, shown under it and tied to it; undefined: it can be used. */
  unavailableReason: string | undefined;
  ref?: Ref<HTMLButtonElement>;
}

/** A button (in its own paragraph) that is disabled while there is a reason, the reason shown under it. */
export function ExplainedButton({ unavailableReason, ref, ...button }: ExplainedButtonProps) {
  const reasonId = useId();
  return (
    <>
      <p>
        <button
          ref={ref}
          type="button"
          disabled={unavailableReason !== undefined}
          aria-describedby={unavailableReason === undefined ? undefined : reasonId}
          {...button}
        />
      </p>
      {unavailableReason !== undefined && (
        <p id={reasonId} className="muted">
          {unavailableReason}
        </p>
      )}
    </>
  );
}
