import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/team-model';
import { api } from '../../api';
import { useFormat } from '../../lib/format';
import { shortDuration } from '../team/duration';
import { usePick } from '../team/labels';
import { useTeamStore } from '../team/store';
import { useTicker } from '../team/useTicker';
import { saveFile } from './download';
import { useProtectionStore } from './store';

/** One protection case: countdown, watch of the person's mentions, playbook steps, evidence, log. */
export function CaseView({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const run = useProtectionStore((s) => s.run);
  const detailAt = useProtectionStore((s) => s.detailAt);
  const pageNow = useTicker(1000);
  const now = c.now + Math.max(0, pageNow - detailAt);
  const closed = c.status === 'closed';
  return (
    <article className="case-view" data-testid="case-view" data-case={c.id} aria-labelledby="case-title">
      <header className="case-view__head">
        <div>
          <h2 className="case-view__title" id="case-title">
            {c.person.name} <span className="team-tag">{t(`team.protection.kind.${c.person.kind}`)}</span>
          </h2>
          <p className="team-hint">
            {t('team.protection.openedBy', { time: f.dateTime(c.openedAt), name: c.openedBy })}
            {c.person.handles.length > 0 && (
              <> · {c.person.handles.map((h) => `${h.platform}: ${h.handle}`).join(' · ')}</>
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
      {c.status === 'all_clear_suggested' && (
        <div className="team-prompt" data-testid="all-clear">
          <span>{t('team.protection.allClear.suggested')}</span>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void run(() => api.call('protection.allClear', { id: c.id, accept: true }))}
          >
            {t('team.protection.allClear.accept')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void run(() => api.call('protection.allClear', { id: c.id, accept: false }))}
          >
            {t('team.protection.allClear.reject')}
          </button>
        </div>
      )}
      <div className="case-view__cards">
        <Cooldown c={c} now={now} />
        <Watch c={c} now={now} />
        <Evidence c={c} />
      </div>
      <Delegate c={c} />
      <Steps c={c} />
      <section className="case-section">
        <h3 className="case-section__title">{t('team.protection.journal')}</h3>
        <ol className="case-log" data-testid="case-log">
          {[...c.events].reverse().map((e) => (
            <li key={e.seq}>
              <time>{f.dateTime(e.at)}</time> <LogText fr={e.text_fr} en={e.text_en} />{' '}
              {e.actor && <span className="case-log__actor">— {e.actor}</span>}
            </li>
          ))}
        </ol>
      </section>
      <div className="team-dialog__actions">
        {closed ? (
          <button
            type="button"
            className="button"
            onClick={() => void run(() => api.call('protection.reopen', { id: c.id }))}
          >
            {t('team.protection.reopen')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => void run(() => api.call('protection.close', { id: c.id }))}
          >
            {t('team.protection.close')}
          </button>
        )}
      </div>
    </article>
  );
}

function LogText({ fr, en }: { fr: string; en: string }) {
  const pick = usePick();
  return <span>{pick({ fr, en })}</span>;
}

function Cooldown({ c, now }: { c: CaseDetail; now: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const run = useProtectionStore((s) => s.run);
  const [hours, setHours] = useState(String(Math.round((c.cooldown.durationMs / 3_600_000) * 10) / 10));
  const remaining = Math.max(0, c.cooldown.until - now);
  const progress = Math.min(1, Math.max(0, (now - c.cooldown.startedAt) / c.cooldown.durationMs));
  return (
    <section className="case-card" aria-labelledby="cooldown-title">
      <h3 className="case-section__title" id="cooldown-title">
        {t('team.protection.cooldown.title')}
      </h3>
      <p className="case-card__big" data-testid="cooldown" data-remaining={remaining}>
        {remaining > 0
          ? t('team.protection.cooldown.left', { time: shortDuration(remaining) })
          : t('team.protection.cooldown.over')}
      </p>
      <span className="load-bar" aria-hidden="true">
        <span className="load-bar__fill load-bar__fill--ok" style={{ width: `${progress * 100}%` }} />
      </span>
      <p className="team-hint">
        {t('team.protection.cooldown.until', { time: f.dateTime(c.cooldown.until) })}
      </p>
      {c.status !== 'closed' && (
        <form
          className="case-card__inline"
          onSubmit={(e) => {
            e.preventDefault();
            const h = Number(hours.replace(',', '.'));
            if (h > 0) void run(() => api.call('protection.cooldown', { id: c.id, hours: h }));
          }}
        >
          <input
            className="input case-card__hours"
            inputMode="decimal"
            aria-label={t('team.protection.cooldown.hours')}
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
          <span>{t('team.protection.cooldown.hours')}</span>
          <button type="submit" className="button">
            {t('team.protection.cooldown.restart')}
          </button>
        </form>
      )}
    </section>
  );
}

function Watch({ c, now }: { c: CaseDetail; now: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const w = c.watch;
  const max = Math.max(1, w.baselinePerHour, ...w.hourly.map((h) => h.count));
  // The watch evaluates whole minutes; until the first one ends, the last hour's count says it.
  const rate = w.lastRatePerHour ?? w.liveRatePerHour;
  const above = rate > w.baselinePerHour;
  return (
    <section className="case-card" aria-labelledby="watch-title">
      <h3 className="case-section__title" id="watch-title">
        {t('team.protection.watch.title')}
      </h3>
      <p className={`case-card__big${above ? ' case-card__big--danger' : ''}`} data-testid="watch-rate">
        {t('team.protection.watch.rate', { rate: f.decimal(rate) })}
      </p>
      <p className="team-hint">
        {t('team.protection.watch.baseline', { rate: f.decimal(w.baselinePerHour) })}
        {' · '}
        {t(above ? 'team.protection.watch.above' : 'team.protection.watch.below')}
      </p>
      <div className="case-chart" role="img" aria-label={t('team.protection.watch.chart')}>
        {w.hourly.map((h) => (
          <span
            key={h.hour}
            className={`case-chart__bar${h.count > w.baselinePerHour ? ' case-chart__bar--above' : ''}`}
            style={{ height: `${(h.count / max) * 100}%` }}
            title={`${f.time(h.hour)} — ${h.count}`}
          />
        ))}
        <span className="case-chart__baseline" style={{ bottom: `${(w.baselinePerHour / max) * 100}%` }} />
      </div>
      <p className="case-chart__axis" aria-hidden="true">
        <span>{t('team.protection.watch.dayAgo')}</span>
        <span>{t('team.protection.watch.now')}</span>
      </p>
      <p className="team-hint">
        {t('team.protection.watch.matched', { count: w.matched })}
        {w.quietForMs > 0 && (
          <>
            {' '}
            ·{' '}
            {t('team.protection.watch.quiet', {
              time: shortDuration(w.quietForMs),
              needed: shortDuration(w.quietMs),
            })}
          </>
        )}
      </p>
      {w.allClearEarliestAt !== null && c.status === 'open' && (
        <p className="team-hint">
          {t('team.protection.watch.earliest', { time: f.dateTime(Math.max(now, w.allClearEarliestAt)) })}
        </p>
      )}
    </section>
  );
}

function Evidence({ c }: { c: CaseDetail }) {
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
            setResult({ key: 'team.protection.evidence.collected', values: r });
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

function Delegate({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const run = useProtectionStore((s) => s.run);
  const members = useTeamStore((s) => s.board?.members ?? []);
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
          <option value="">{t('team.protection.form.nobody')}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </select>
      )}
    </section>
  );
}

function Steps({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pick = usePick();
  const run = useProtectionStore((s) => s.run);
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
        {c.steps.map((s) => {
          const blockedBy = s.requires.filter((r) => c.steps.find((x) => x.id === r)?.doneAt === null);
          const isDone = s.doneAt !== null;
          return (
            <li
              key={s.id}
              className={`case-step${isDone ? ' case-step--done' : ''}`}
              data-testid="case-step"
              data-step={s.id}
              data-done={isDone}
            >
              <div className="case-step__head">
                <button
                  type="button"
                  className="case-step__title"
                  aria-expanded={openId === s.id}
                  onClick={() => setOpenId(openId === s.id ? null : s.id)}
                >
                  {pick(s.title)}
                </button>
                <span className="team-tag">
                  {t(`team.protection.steps.owner.${s.owner}`, { defaultValue: s.owner })}
                </span>
                {c.status !== 'closed' &&
                  (isDone ? (
                    <button
                      type="button"
                      className="button button--ghost"
                      onClick={() =>
                        void run(() => api.call('protection.step', { id: c.id, stepId: s.id, done: false }))
                      }
                    >
                      {t('team.protection.steps.reopen')}
                    </button>
                  ) : blockedBy.length > 0 ? (
                    <button
                      type="button"
                      className="button button--ghost"
                      onClick={() =>
                        void run(() =>
                          api.call('protection.step', { id: c.id, stepId: s.id, done: true, force: true }),
                        )
                      }
                    >
                      {t('team.protection.steps.force')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      data-testid="step-done"
                      onClick={() =>
                        void run(() => api.call('protection.step', { id: c.id, stepId: s.id, done: true }))
                      }
                    >
                      {t('team.protection.steps.markDone')}
                    </button>
                  ))}
              </div>
              {isDone && (
                <p className="team-hint">
                  {t('team.protection.steps.done', { time: f.dateTime(s.doneAt!), name: s.doneBy ?? '' })}
                  {s.forced && <> · {t('team.protection.steps.forced')}</>}
                </p>
              )}
              {!isDone && blockedBy.length > 0 && (
                <p className="team-hint">
                  {t('team.protection.steps.after', { steps: blockedBy.map(title).join(', ') })}
                </p>
              )}
              {openId === s.id && <p className="case-step__detail">{pick(s.detail)}</p>}
            </li>
          );
        })}
      </ol>
      {c.followUps.length > 0 && (
        <p className="team-hint">
          {t('team.protection.followUps', { dates: c.followUps.map((x) => f.shortDate(x.dueAt)).join(', ') })}
        </p>
      )}
    </section>
  );
}
