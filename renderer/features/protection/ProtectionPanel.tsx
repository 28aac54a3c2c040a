import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { shortDuration } from '../team/duration';
import { CaseView } from './CaseView';
import { OpenCaseForm } from './OpenCaseForm';
import { useProtectionStore } from './store';
import './protection.css';

/** "Go private": the list of protection cases beside the open one (or the form to open one). */
export function ProtectionPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const cases = useProtectionStore((s) => s.cases);
  const selectedId = useProtectionStore((s) => s.selectedId);
  const detail = useProtectionStore((s) => s.detail);
  const creating = useProtectionStore((s) => s.creating);
  const error = useProtectionStore((s) => s.error);
  const select = useProtectionStore((s) => s.select);
  const startNew = useProtectionStore((s) => s.startNew);
  useEffect(() => useProtectionStore.getState().startLive(), []);
  return (
    <div className="protection" data-testid="protection">
      <aside className="protection__list" aria-label={t('team.protection.list')}>
        <button
          type="button"
          className="button button--primary"
          data-testid="case-new"
          onClick={() => startNew()}
        >
          {t('team.protection.new')}
        </button>
        {cases.length === 0 && <p className="team-hint">{t('team.protection.none')}</p>}
        <ul>
          {cases.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="case-item"
                aria-current={c.id === selectedId && !creating ? 'true' : undefined}
                data-testid="case-item"
                onClick={() => void select(c.id)}
              >
                <strong>{c.personName}</strong>
                <span>
                  {t(`team.protection.status.${c.status}`)} · {f.shortDate(c.openedAt)} ·{' '}
                  {shortDuration(c.cooldownMs)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <div className="protection__main">
        {error && (
          <p className="team-error" role="alert">
            {t('team.error', { message: error })}
          </p>
        )}
        {creating ? (
          <OpenCaseForm />
        ) : detail ? (
          <CaseView c={detail} />
        ) : (
          <div className="team-empty">
            <p>{t('team.protection.title')}</p>
            <p>{t('team.protection.intro')}</p>
          </div>
        )}
      </div>
    </div>
  );
}
