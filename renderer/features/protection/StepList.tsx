import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/team-model';
import { useFormat } from '../../lib/format';
import { usePick } from '../team/labels';
import { StepRow } from './StepRow';

/** The playbook's steps with their progress, and the follow-up dates planned after the case. */
export function StepList({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pick = usePick();
  // Held by the list, not by each row, so unfolding one step folds the one open before.
  const [openId, setOpenId] = useState<string | null>(null);
  const done = c.steps.filter((s) => s.doneAt !== null).length;
  const title = (id: string) => pick(c.steps.find((s) => s.id === id)?.title ?? { fr: id, en: id });
  return (
    <section className="case-section" aria-labelledby="steps-title">
      <h3 className="case-section__title" id="steps-title">
        {t('team.protection.steps.title')}{' '}
        <span className="team-hint">
          {t('team.protection.steps.progress', { done, total: c.steps.length })}
        </span>
      </h3>
      <ol className="case-steps">
        {c.steps.map((s) => (
          <StepRow
            key={s.id}
            caseId={c.id}
            step={s}
            closed={c.status === 'closed'}
            blockedBy={s.requires.filter((r) => c.steps.find((x) => x.id === r)?.doneAt === null).map(title)}
            open={openId === s.id}
            onToggle={() => setOpenId(openId === s.id ? null : s.id)}
          />
        ))}
      </ol>
      {c.followUps.length > 0 && (
        <p className="team-hint">
          {t('team.protection.followUps', { dates: c.followUps.map((x) => f.shortDate(x.dueAt)).join(', ') })}
        </p>
      )}
    </section>
  );
}
