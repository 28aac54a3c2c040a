import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/team-model';
import { api } from '../../api';
import { DelegateOptions } from './DelegateOptions';
import { useProtectionStore } from './store';

/** Who in the team is the person's contact for the case; changeable while the case is not closed. */
export function DelegatePicker({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const run = useProtectionStore((s) => s.run);
  return (
    <section className="case-section case-delegate">
      <span>
        {c.delegate
          ? t('team.protection.delegate', { name: c.delegate.name })
          : t('team.protection.noDelegate')}
      </span>
      {c.status !== 'closed' && (
        <select
          className="select"
          aria-label={t('team.protection.form.delegate')}
          value={c.delegate?.memberId ?? ''}
          onChange={(e) =>
            void run(() => api.call('protection.delegate', { id: c.id, memberId: e.target.value || null }))
          }
        >
          <DelegateOptions />
        </select>
      )}
    </section>
  );
}
