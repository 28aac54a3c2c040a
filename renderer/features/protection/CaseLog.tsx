import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/team-model';
import { useFormat } from '../../lib/format';
import { usePick } from '../team/labels';

/** The case's journal, newest first, each entry in the UI language. */
export function CaseLog({ events }: { events: CaseDetail['events'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pick = usePick();
  return (
    <section className="case-section">
      <h3 className="case-section__title">{t('team.protection.journal')}</h3>
      <ol className="case-log" data-testid="case-log">
        {[...events].reverse().map((e) => (
          <li key={e.seq}>
            <time>{f.dateTime(e.at)}</time> <span>{pick({ fr: e.text_fr, en: e.text_en })}</span>{' '}
            {e.actor && <span className="case-log__actor">— {e.actor}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
