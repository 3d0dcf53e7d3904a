import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../api/me-query';

interface RegionSwitcherProps {
  memberships: readonly Membership[];
  /** Slug of the region on screen, if any. */
  currentRegion: string | undefined;
}

/**
 * The current region and, with more than one membership, a disclosure listing the user's regions
 * as links (plain links: keyboard, screen readers and "open in new tab" all just work).
 */
export function RegionSwitcher({ memberships, currentRegion }: RegionSwitcherProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const current = memberships.find((membership) => membership.region === currentRegion);

  if (memberships.length === 0) return null;
  if (memberships.length === 1) {
    return current ? (
      <p className="region-switcher__current">{t('regionSwitcher.current', { region: current.regionName })}</p>
    ) : null;
  }

  function closeOnEscape(event: KeyboardEvent<HTMLElement>): void {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      buttonRef.current?.focus();
    }
  }

  return (
    <div className="region-switcher" onKeyDown={closeOnEscape}>
      <button
        ref={buttonRef}
        type="button"
        className="header-button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => {
          setOpen((value) => !value);
        }}
      >
        {current ? t('regionSwitcher.current', { region: current.regionName }) : t('regionSwitcher.choose')}
        <span className="header-button__chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      <ul id={listId} className="region-switcher__list" hidden={!open} aria-label={t('regionSwitcher.listLabel')}>
        {memberships.map((membership) => (
          <li key={membership.region}>
            <Link
              to={`/regions/${membership.region}`}
              className="region-switcher__link"
              aria-current={membership.region === currentRegion ? 'page' : undefined}
              onClick={() => {
                setOpen(false);
              }}
            >
              {membership.regionName}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
