import type { ReactNode } from 'react';

/** Marks the heading that takes the focus after a client-side navigation (see the root layout). */
export const PAGE_HEADING_SELECTOR = '[data-page-heading]';

interface PageHeadingProps {
  /** 2 inside an area that already has its own h1 (e.g. the pages of a region). */
  level?: 1 | 2;
  children: ReactNode;
}

/**
 * The heading of a page. After a navigation the focus moves to it, so screen-reader users hear
 * where they landed and keyboard users continue from the top of the new content.
 */
export function PageHeading({ level = 2, children }: PageHeadingProps) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <Heading className="page-heading" tabIndex={-1} data-page-heading="">
      {children}
    </Heading>
  );
}
