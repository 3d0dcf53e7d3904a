import { useEffect, useId, useRef, type ReactNode } from 'react';

interface NoticePanelProps {
  title: string;
  tone?: 'success' | 'warning';
  children: ReactNode;
}

/**
 * A result that needs the user's attention and holds controls (a link or secret to copy). It takes
 * the focus when it appears, so keyboard and screen-reader users land on it.
 */
export function NoticePanel({ title, tone = 'success', children }: NoticePanelProps) {
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section ref={ref} className="alert notice-panel" data-tone={tone} aria-labelledby={titleId} tabIndex={-1}>
      <h3 id={titleId} className="alert__title">
        {title}
      </h3>
      {children}
    </section>
  );
}
