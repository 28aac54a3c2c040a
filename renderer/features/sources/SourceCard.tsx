import { memo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceView } from '../../../shared/model';
import { useFormat } from '../../lib/format';
import { PLATFORM_COLORS } from '../../lib/platforms';
import { describeTarget } from './form-model';
import { specFor } from './source-types';
import { FAILED, WAITING_FOR_USER, clockText, errorExplanation, statusText, statusTone } from './status';
import { useSourcesStore } from './store';
import { TechnicalDetail } from './TechnicalDetail';

const MINUTE = 60_000;

/**
 * One source: what it follows, its health in plain words, the facts of its last runs, and its actions.
 * The name and settings are user input: rendered as text only.
 */
export const SourceCard = memo(function SourceCard({ source, now }: { source: SourceView; now: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const spec = specFor(source.type);
  const busy = useSourcesStore((s) => s.busy[source.id]);
  const outcome = useSourcesStore((s) => s.outcomes[source.id]);
  const act = useSourcesStore((s) => s.act);
  const openEditor = useSourcesStore((s) => s.openEditor);
  const [confirming, setConfirming] = useState(false);

  const target = spec ? describeTarget(spec, source.config) : null;
  const typeLabel = t(`sources.types.${source.type}`, { defaultValue: source.type });
  const color = spec ? PLATFORM_COLORS[spec.platform] : 'var(--text-muted)';
  const tone = busy === 'run' ? 'busy' : statusTone(source.status);
  const status = busy === 'run' ? t('sources.status.running') : statusText(t, f, source, now);
  const paused = source.status === 'paused';
  const runnable = spec !== null && source.type !== 'file';

  return (
    <article
      className="source-card"
      data-testid="source-card"
      data-id={source.id}
      data-status={source.status}
      aria-labelledby={`source-${source.id}-name`}
    >
      <header className="source-card__head">
        <span className="type-badge" style={{ color, borderColor: color }} data-testid="source-type">
          {typeLabel}
        </span>
        <h3 className="source-card__name" id={`source-${source.id}-name`} title={source.name}>
          {source.name}
        </h3>
        <span className={`pill pill--${tone}`} data-testid="source-status" data-tone={tone}>
          <span className="pill__dot" aria-hidden="true" />
          {status}
        </span>
      </header>

      {target && (target.value || target.label || target.host) && (
        <p className="source-card__target" data-testid="source-target">
          {target.label && <span className="source-card__mode">{t(target.label)}</span>}
          {target.value && (
            <span className="source-card__value" title={target.value}>
              {target.value}
            </span>
          )}
          {target.host && (
            <span className="source-card__host" title={target.host}>
              {target.host}
            </span>
          )}
        </p>
      )}

      <dl className="facts">
        <Fact label={t('sources.facts.lastSuccess')} testId="fact-last-success">
          {source.lastSuccessAt ? (
            <time
              dateTime={new Date(source.lastSuccessAt).toISOString()}
              title={f.dateTime(source.lastSuccessAt)}
            >
              {f.relative(source.lastSuccessAt, Math.max(now, source.lastSuccessAt))}
            </time>
          ) : (
            <span className="facts__none">{t('sources.facts.never')}</span>
          )}
        </Fact>
        <Fact label={t('sources.facts.nextRun')} testId="fact-next-run">
          {WAITING_FOR_USER.has(source.status) ? (
            <span className="facts__none">{t('sources.facts.onHold')}</span>
          ) : source.nextRunAt ? (
            <time dateTime={new Date(source.nextRunAt).toISOString()} title={f.dateTime(source.nextRunAt)}>
              {source.nextRunAt - now >= MINUTE
                ? t('sources.facts.atTime', {
                    time: clockText(f, source.nextRunAt, now),
                    relative: f.relative(source.nextRunAt, now),
                  })
                : source.nextRunAt > now
                  ? t('sources.facts.withinMinute', { time: clockText(f, source.nextRunAt, now) })
                  : t('sources.facts.soon')}
            </time>
          ) : (
            <span className="facts__none">{t('sources.facts.soon')}</span>
          )}
        </Fact>
        <Fact label={t('sources.facts.lastRun')} testId="fact-last-run">
          {source.lastRunNew === null ? (
            <span className="facts__none">{t('sources.facts.notYet')}</span>
          ) : (
            <span title={source.lastRunAt ? f.dateTime(source.lastRunAt) : undefined}>
              {t('sources.facts.newMentions', {
                count: source.lastRunNew,
                formatted: f.integer(source.lastRunNew),
              })}
            </span>
          )}
        </Fact>
        <Fact label={t('sources.facts.rateLimit')} testId="fact-rate-limit">
          {source.rateLimit && source.rateLimit.remaining !== null ? (
            <span
              className={source.rateLimit.remaining === 0 ? 'facts__warn' : undefined}
              title={
                source.rateLimit.resetAt
                  ? t('sources.facts.rateLimitReset', { time: clockText(f, source.rateLimit.resetAt, now) })
                  : undefined
              }
            >
              {source.rateLimit.limit !== null
                ? t('sources.facts.rateLimitValue', {
                    remaining: f.integer(source.rateLimit.remaining),
                    limit: f.integer(source.rateLimit.limit),
                  })
                : f.integer(source.rateLimit.remaining)}
            </span>
          ) : (
            <span className="facts__none">{t('sources.facts.unknown')}</span>
          )}
        </Fact>
        <Fact label={t('sources.facts.cursor')} testId="fact-cursor">
          {source.cursor ? (
            <code className="facts__cursor" title={source.cursor}>
              {source.cursor}
            </code>
          ) : (
            <span className="facts__none">{t('sources.facts.noCursor')}</span>
          )}
        </Fact>
      </dl>

      {FAILED.has(source.status) && busy !== 'run' && (
        <div
          className={`source-card__error source-card__error--${statusTone(source.status)}`}
          data-testid="source-error"
        >
          <p className="source-card__error-text">{errorExplanation(t, source.status)}</p>
          {source.lastError && <TechnicalDetail text={source.lastError} />}
        </div>
      )}

      {outcome?.kind === 'run' && outcome.report.error === null && (
        <p className="source-card__note" role="status" data-testid="source-run-result">
          {t('sources.run.done', {
            count: outcome.report.inserted,
            formatted: f.integer(outcome.report.inserted),
            duplicates: f.integer(outcome.report.duplicates),
          })}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <div className="source-card__error source-card__error--danger" role="alert">
          <p className="source-card__error-text">{t(`sources.actions.failed.${outcome.action}`)}</p>
          <TechnicalDetail text={outcome.message} />
        </div>
      )}

      <footer className="source-card__actions">
        {confirming ? (
          <div className="confirm" role="alertdialog" aria-labelledby={`source-${source.id}-confirm`}>
            <p className="confirm__text" id={`source-${source.id}-confirm`}>
              {t('sources.actions.confirmDelete', { name: source.name })}
            </p>
            <button
              type="button"
              className="button button--danger"
              data-testid="source-delete-confirm"
              disabled={Boolean(busy)}
              onClick={() => void act(source.id, 'delete')}
            >
              {t('sources.actions.delete')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              autoFocus
              onClick={() => setConfirming(false)}
            >
              {t('sources.actions.cancel')}
            </button>
          </div>
        ) : (
          <>
            {runnable && (
              <button
                type="button"
                className="button"
                data-testid="source-pause"
                disabled={Boolean(busy)}
                onClick={() => void act(source.id, paused ? 'resume' : 'pause')}
              >
                {paused ? t('sources.actions.resume') : t('sources.actions.pause')}
              </button>
            )}
            {runnable && (
              <button
                type="button"
                className="button"
                data-testid="source-run"
                disabled={Boolean(busy) || paused}
                title={paused ? t('sources.actions.runPausedHint') : undefined}
                onClick={() => void act(source.id, 'run')}
              >
                {busy === 'run' ? t('sources.actions.running') : t('sources.actions.runNow')}
              </button>
            )}
            <button
              type="button"
              className="button"
              data-testid="source-edit"
              disabled={spec === null || Boolean(busy)}
              onClick={() => openEditor({ mode: 'edit', id: source.id })}
            >
              {t('sources.actions.edit')}
            </button>
            <button
              type="button"
              className="button button--quiet-danger"
              data-testid="source-delete"
              disabled={Boolean(busy)}
              onClick={() => setConfirming(true)}
            >
              {t('sources.actions.delete')}
            </button>
          </>
        )}
      </footer>
    </article>
  );
});

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="facts__item" data-testid={testId}>
      <dt className="facts__label">{label}</dt>
      <dd className="facts__value">{children}</dd>
    </div>
  );
}
