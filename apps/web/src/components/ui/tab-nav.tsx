import { NavLink } from 'react-router';

export interface TabNavItem {
  to: string;
  label: string;
  /** Only active on exactly this path (not on its sub-paths). */
  end?: boolean;
}

interface TabNavProps {
  /** Accessible name of the navigation landmark. */
  label: string;
  items: readonly TabNavItem[];
}

/** Section navigation as links; the current one gets aria-current="page". */
export function TabNav({ label, items }: TabNavProps) {
  return (
    <nav className="tab-nav" aria-label={label}>
      <ul className="tab-nav__list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end ?? false} className="tab-nav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
