import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/team-model';
import { api } from '../../api';
import { saveFile } from './download';
import { useProtectionStore } from './store';

/** The evidence preserved for the case: collect it now, export the dossier, open the HTML one. */
export function EvidenceCard({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const run = useProtectionStore((s) => s.run);
  // Kept as a key and values, so the message follows a change of language.
  const [result, setResult] = useState<{ key: string; values: Record<string, string | number> } | null>(null);
  const [openUrl, setOpenUrl] = useState<string | null>(null);
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const exportAs = async (format: 'html' | 'csv' | 'json') => {
    await run(async () => {
      const d = await api.call('protection.dossier', { id: c.id, format, lang });
      const url = saveFile(d.fileName, d.mime, d.content);
      if (format === 'html') setOpenUrl(url);
      setResult({ key: 'team.protection.evidence.exported', values: { file: d.fileName, count: d.items } });
      return d;
    });
  };
  return (
    <section className="case-card" aria-labelledby="evidence-title">
      <h3 className="case-section__title" id="evidence-title">
        {t('team.protection.evidence.title')}
      </h3>
      <p className="case-card__big" data-testid="evidence-count" data-count={c.evidenceCount}>
        {c.evidenceCount}
      </p>
      <p className="team-hint">{t('team.protection.evidence.count', { count: c.evidenceCount })}</p>
      <button
        type="button"
        className="button"
        data-testid="evidence-collect"
        onClick={() =>
          void run(async () => {
            const r = await api.call('protection.evidence.collect', { id: c.id });
            setResult({ key: 'team.protection.evidence.collected', values: { ...r, count: r.added } });
            return r;
          })
        }
      >
        {t('team.protection.evidence.collect')}
      </button>
      <div className="case-card__inline">
        <span>{t('team.protection.evidence.export')}</span>
        {(['html', 'csv', 'json'] as const).map((fmt) => (
          <button
            key={fmt}
            type="button"
            className="button"
            data-testid={`export-${fmt}`}
            onClick={() => void exportAs(fmt)}
          >
            {t(`team.protection.evidence.${fmt}`)}
          </button>
        ))}
      </div>
      {openUrl && (
        <a
          className="button button--ghost"
          href={openUrl}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="dossier-open"
        >
          {t('team.protection.evidence.open')}
        </a>
      )}
      {result && (
        <p className="team-hint" role="status" data-testid="evidence-result">
          {t(result.key, result.values)}
        </p>
      )}
    </section>
  );
}
