import { useEffect, useRef, useState, type RefObject } from 'react';

const INVALID = '[aria-invalid="true"], fieldset[data-invalid="true"] input';

/**
 * After a refused submit, moves the focus to the first field marked invalid inside `container`
 * (usually the form), so keyboard and screen-reader users land on what needs fixing. Call the
 * returned function when the errors are known (client checks, or the API's answer); `signature`
 * changes with the errors shown.
 */
export function useFocusFirstInvalid(container: RefObject<HTMLElement | null>, signature: string): () => void {
  const pending = useRef(false);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (!pending.current) return;
    const invalid = container.current?.querySelector<HTMLElement>(INVALID);
    if (invalid) {
      pending.current = false;
      invalid.focus();
    }
  }, [container, requests, signature]);
  return () => {
    pending.current = true;
    setRequests((count) => count + 1);
  };
}
