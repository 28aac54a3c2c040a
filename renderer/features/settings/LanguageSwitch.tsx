import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n';
import { useSettingsStore } from './store';
import './settings.css';

/** FR | EN segmented switch; the choice persists across reloads. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useSettingsStore((s) => s.language);
  const choose = useSettingsStore((s) => s.setLanguage);
  return (
    <div
      className="lang-switch"
      role="group"
      aria-label={t('settings.language')}
      data-testid="language-switch"
    >
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="lang-switch__option"
          aria-pressed={language === lang}
          title={t(`settings.${lang}`)}
          data-testid={`lang-${lang}`}
          onClick={() => choose(lang)}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
