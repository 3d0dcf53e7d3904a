import { useEffect, useId, useRef, type ReactNode } from 'react';
import './modal-dialog.css';

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

interface ModalDialogProps {
  title: string;
  /** What the dialog is about, read out when it opens (a warning, an explanation). */
  description?: ReactNode;
  /** Escape or a close button: the caller unmounts the dialog and puts the focus back on its opener. */
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal dialog on the native `<dialog>`: the page behind it is inert, Escape closes it, and the focus starts on
 * its first field. Render it only while it is open; the caller moves the focus back to the button that opened it.
 */
export function ModalDialog({ title, description, onClose, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    // Browsers without showModal (and jsdom) get a plain open dialog.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    dialog.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="modal-dialog"
      aria-labelledby={titleId}
      aria-describedby={description === undefined ? undefined : descriptionId}
      onCancel={(event) => {
        // Escape: the caller decides (it unmounts the dialog), so the browser does not close it behind React's back.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="modal-dialog__title">
        {title}
      </h2>
      {description !== undefined && <div id={descriptionId}>{description}</div>}
      {children}
    </dialog>
  );
}
