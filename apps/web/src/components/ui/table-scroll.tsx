import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

interface TableScrollProps {
  /** What the table shows (usually its caption): names the scroll area once it can scroll. */
  label: string;
  children: ReactNode;
}

/**
 * The box around a table that may be wider than the screen (it scrolls sideways). While the table overflows, the
 * box is a named group in the tab order, so keyboard users can reach it and scroll it with the arrow keys
 * (WCAG 2.1.1; axe `scrollable-region-focusable`) and see the focus ring on it; while it fits, it is a plain box
 * and adds no tab stop. A group, not a region: a dashboard full of tables should not fill the landmark list.
 */
export function TableScroll({ label, children }: TableScrollProps) {
  const ref = useRef<HTMLDivElement>(null);
  const scrollable = useHorizontalOverflow(ref);
  return (
    <div
      ref={ref}
      className="table-scroll"
      role={scrollable ? 'group' : undefined}
      aria-label={scrollable ? label : undefined}
      tabIndex={scrollable ? 0 : undefined}
    >
      {children}
    </div>
  );
}

/** Whether the element's content is wider than the element, kept up to date as either changes size. */
function useHorizontalOverflow(ref: RefObject<HTMLDivElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    // A ResizeObserver reports every observed element once right away, then on each change of size: the box (the
    // window got narrower) and the table in it (rows arrived, a disclosure opened).
    const observer = new ResizeObserver(() => {
      setOverflows(element.scrollWidth > element.clientWidth + 1);
    });
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return overflows;
}
