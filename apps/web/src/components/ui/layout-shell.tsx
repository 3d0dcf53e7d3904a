import type { ReactNode } from 'react';

export const MAIN_CONTENT_ID = 'main-content';

interface LayoutShellProps {
  /** Text of the skip link, the first focusable element of the page. */
  skipLinkLabel: string;
  /** The product name, usually a link to the home page. */
  brand: ReactNode;
  /** Short line under the product name. */
  tagline?: string;
  /** Controls at the end of the header (e.g. the language switch). */
  headerActions?: ReactNode;
  footer: ReactNode;
  /** Set while the main content is being replaced (route loading). */
  busy?: boolean;
  children: ReactNode;
}

/** Page frame: skip link, banner, main landmark and footer. */
export function LayoutShell({
  skipLinkLabel,
  brand,
  tagline,
  headerActions,
  footer,
  busy = false,
  children,
}: LayoutShellProps) {
  return (
    <div className="layout">
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
        {skipLinkLabel}
      </a>
      <header className="layout__header">
        <div className="layout__bar container">
          <div className="brand">
            <div className="brand__name">{brand}</div>
            {tagline !== undefined && <p className="brand__tagline">{tagline}</p>}
          </div>
          {headerActions}
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} className="layout__main container" tabIndex={-1} aria-busy={busy}>
        {children}
      </main>
      <footer className="layout__footer">
        <div className="container">{footer}</div>
      </footer>
    </div>
  );
}
