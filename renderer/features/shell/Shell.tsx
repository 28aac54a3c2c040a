import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SCREENS } from './screens';
import { useShellStore } from './store';
import './shell.css';

/** The navigation rail beside the active screen; only the active screen is mounted. */
export function Shell() {
  useDropGuard();
  const screen = useShellStore((s) => s.screen);
  const Active = (SCREENS.find((s) => s.id === screen) ?? SCREENS[0]!).component;
  return (
    <div className="shell">
      <NavRail />
      <div className="shell__screen" data-screen={screen}>
        <Active />
      </div>
    </div>
  );
}

function NavRail() {
  const { t } = useTranslation();
  const screen = useShellStore((s) => s.screen);
  const go = useShellStore((s) => s.go);
  return (
    <nav className="rail" aria-label={t('nav.label')} data-testid="nav">
      <ul className="rail__list">
        {SCREENS.map(({ id, label, icon: Icon }) => (
          <li key={id}>
            <a
              href={`#/${id}`}
              className="rail__item"
              aria-current={screen === id ? 'page' : undefined}
              data-testid={`nav-${id}`}
              onClick={(e) => {
                e.preventDefault();
                go(id);
              }}
            >
              <Icon />
              <span className="rail__label">{t(label)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A file dropped anywhere but on a drop zone would make the browser open it in place of the app: the
 * drop zones handle their own events, everything else is ignored.
 */
function useDropGuard(): void {
  useEffect(() => {
    const guard = (e: DragEvent) => {
      if (Array.from(e.dataTransfer?.types ?? []).includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', guard);
    window.addEventListener('drop', guard);
    return () => {
      window.removeEventListener('dragover', guard);
      window.removeEventListener('drop', guard);
    };
  }, []);
}
