import type { ReactNode } from 'react';

interface BadgeProps {
  tone?: 'neutral' | 'warning' | 'success';
  children: ReactNode;
}

/** A short status word next to a value ("Achterstallig"). The word carries the meaning; colour only supports it. */
export function Badge({ tone = 'neutral', children }: BadgeProps) {
  return (
    <span className="badge" data-tone={tone}>
      {tone === 'warning' && (
        <span className="badge__symbol" aria-hidden="true">
          !
        </span>
      )}
      {children}
    </span>
  );
}
