import type { ReactNode } from 'react';

type Tone = 'error' | 'warning' | 'success' | 'info';

interface AlertProps {
  tone: Tone;
  /** Short bold first line. */
  title?: string;
  children?: ReactNode;
}

/**
 * A message box. Errors and warnings are announced at once (role=alert); success and information
 * politely (role=status). The text carries the meaning; colour only supports it.
 */
export function Alert({ tone, title, children }: AlertProps) {
  const role = tone === 'error' || tone === 'warning' ? 'alert' : 'status';
  return (
    <div className="alert" data-tone={tone} role={role}>
      {title !== undefined && <p className="alert__title">{title}</p>}
      {children}
    </div>
  );
}
