import type { ReactNode } from 'react';

export const MAIN_CONTENT_ID = 'main-content';

interface LayoutShellProps {
  /** Text of the skip link, the first focusable element of the page. */
  skipLinkLabel: string;
  /** The product name, usually a link to the home page. */
  brand: ReactNode;
  /** Short line under the product name. */
  tagline?: string;
  /** Controls at the end of the brand row (e.g. the language switch); always present, so they never move. */
  headerActions?: ReactNode;
  /**
   * The signed-in user's controls (navigation, region, user menu), in a row of their own under the brand row:
   * when they appear after the session is restored, nothing above them moves.
   */
  headerNav?: ReactNode;
  footer: ReactNode;
  /** Set while the main content is being replaced (route loading). */
  busy?: boolean;
  /**
   * Set while the frame itself is still settling (the session being restored): the main area is kept invisible, so
   * that nothing in it moves when the header gains its navigation row; `status` is shown instead.
   */
  settling?: boolean;
  /** Shown (outside the main area) while settling, e.g. a loading indicator. */
  status?: ReactNode;
  children: ReactNode;
}

/**
 * Page frame: skip link, banner, main landmark and footer. The main area is at least one screen high, so the
 * footer stays below the fold while a page loads in stages and never jumps through the viewport.
 */
export function LayoutShell({
  skipLinkLabel,
  brand,
  tagline,
  headerActions,
  headerNav,
  footer,
  busy = false,
  settling = false,
  status,
  children,
}: LayoutShellProps) {
  return (
    <div className="layout">
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
        {skipLinkLabel}
      </a>
      {settling && status}
      <header className="layout__header">
        <div className="layout__bar container">
          <div className="brand">
            <div className="brand__name">{brand}</div>
            {tagline !== undefined && <p className="brand__tagline">{tagline}</p>}
          </div>
          {headerActions}
        </div>
        {headerNav !== undefined && <div className="layout__nav container">{headerNav}</div>}
      </header>
      <main
        id={MAIN_CONTENT_ID}
        className="layout__main container"
        tabIndex={-1}
        aria-busy={busy}
        data-settling={settling || undefined}
      >
        {children}
      </main>
      <footer className="layout__footer">
        <div className="container">{footer}</div>
      </footer>
    </div>
  );
}
