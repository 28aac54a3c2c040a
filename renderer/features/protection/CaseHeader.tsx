import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/team-model';
import { useFormat } from '../../lib/format';

/** Who is protected, who opened the case and when, and the case's status pill. */
export function CaseHeader({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const closed = c.status === 'closed';
  return (
    <header className="case-view__head">
      <div>
        <h2 className="case-view__title" id="case-title">
          {c.person.name} <span className="team-tag">{t(`team.protection.kind.${c.person.kind}`)}</span>
        </h2>
        <p className="team-hint">
          {t('team.protection.openedBy', { time: f.dateTime(c.openedAt), name: c.openedBy })}
          {c.person.handles.length > 0 && (
            <>
              {' · '}
              {c.person.handles
                .map((h) =>
                  t('team.protection.handleOn', {
                    platform: t(`platform.${h.platform}`, { defaultValue: h.platform }),
                    handle: h.handle,
                  }),
                )
                .join(' · ')}
            </>
          )}
        </p>
      </div>
      <span
        className={`team-pill team-pill--${closed ? 'muted' : c.status === 'open' ? 'warn' : 'ok'}`}
        data-testid="case-status"
      >
        {t(`team.protection.status.${c.status}`)}
      </span>
    </header>
  );
}
