import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat, type Formatters } from '../../lib/format';
import { IMPORT_FORMATS, jobPercent, useImportStore, type ImportJob } from './import-store';
import { TechnicalDetail } from './TechnicalDetail';

const hasFiles = (e: { dataTransfer: DataTransfer | null }) =>
  Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** Files in by picker or drag and drop, sent in chunks; progress, then what each file brought. */
export function ImportPanel() {
  const { t } = useTranslation();
  const format = useImportStore((s) => s.format);
  const setFormat = useImportStore((s) => s.setFormat);
  const add = useImportStore((s) => s.add);
  const jobs = useImportStore((s) => s.jobs);
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    add(Array.from(e.dataTransfer.files));
  };

  const active = jobs.find((j) => j.phase === 'uploading' || j.phase === 'processing');
  const queued = jobs.filter((j) => j.phase === 'queued').length;
  const finished = jobs.filter((j) => j.phase === 'done' || j.phase === 'failed').reverse();
  const shown = active ?? (finished[0]?.phase === 'done' ? finished[0] : undefined);

  return (
    <section className="panel import" aria-labelledby="import-title" data-testid="import-panel">
      <header className="panel__head">
        <div className="panel__titles">
          <h2 className="panel__title" id="import-title">
            {t('sources.import.title')}
          </h2>
        </div>
        <label className="import__format">
          <span className="import__format-label">{t('sources.import.format')}</span>
          <select
            className="select"
            value={format}
            data-testid="import-format"
            onChange={(e) => setFormat(e.target.value)}
          >
            {IMPORT_FORMATS.map((name) => (
              <option key={name} value={name}>
                {t(`sources.import.formats.${name}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="import__body">
        <div
          className={dragging ? 'dropzone dropzone--over' : 'dropzone'}
          data-testid="import-dropzone"
          onDragEnter={(e) => {
            if (hasFiles(e)) setDragging(true);
          }}
          onDragOver={(e) => {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
          }}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
          }}
          onDrop={onDrop}
        >
          <svg className="dropzone__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path
              d="M12 15V4m0 0-4 4m4-4 4 4M5 14v4a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-4"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.7"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <span className="dropzone__text">
            {dragging ? t('sources.import.dropNow') : t('sources.import.drop')}
          </span>
          <button type="button" className="button" onClick={() => inputRef.current?.click()}>
            {t('sources.import.choose')}
          </button>
          <input
            ref={inputRef}
            type="file"
            multiple
            className="visually-hidden"
            tabIndex={-1}
            aria-label={t('sources.import.choose')}
            data-testid="import-input"
            onChange={(e) => {
              add(Array.from(e.currentTarget.files ?? []));
              e.currentTarget.value = ''; // the same file can be chosen again
            }}
          />
        </div>
        <p className="import__hint">{t('sources.import.hint')}</p>

        {shown && <Progress job={shown} queued={queued} />}

        {finished.length > 0 && (
          <ul
            className="import__results"
            aria-label={t('sources.import.results')}
            data-testid="import-results"
          >
            {finished.map((job) => (
              <li key={job.key}>
                <Result job={job} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function Progress({ job, queued }: { job: ImportJob; queued: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const percent = jobPercent(job);
  let detail: string;
  if (job.phase === 'uploading') {
    detail = t('sources.import.uploading', { sent: bytes(f, job.sent), size: bytes(f, job.size) });
  } else if (job.phase === 'processing') {
    detail = job.progress
      ? t('sources.import.storing', {
          done: f.integer(job.progress.done),
          total: f.integer(job.progress.total),
          rate: f.integer(job.progress.ratePerSecond),
        })
      : t('sources.import.reading');
  } else {
    detail = t('sources.import.finished');
  }
  return (
    <div
      className="import-progress"
      data-testid="import-progress"
      data-phase={job.phase}
      data-percent={percent}
      data-done={job.progress?.done ?? ''}
      data-total={job.progress?.total ?? ''}
    >
      <div className="import-progress__top">
        <span className="import-progress__file" title={job.name}>
          {job.name}
        </span>
        <span className="import-progress__percent">{t('sources.import.percent', { percent })}</span>
      </div>
      <div
        className="bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t('sources.import.progressLabel', { file: job.name })}
      >
        <div className={`bar__fill bar__fill--${job.phase}`} style={{ width: `${percent}%` }} />
      </div>
      <div className="import-progress__meta">
        <span data-testid="import-progress-detail">{detail}</span>
        {queued > 0 && <span>{t('sources.import.queued', { count: queued })}</span>}
      </div>
    </div>
  );
}

function Result({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (job.phase === 'failed' || !job.report) {
    return (
      <div
        className="import-result import-result--failed"
        role="alert"
        data-testid="import-error"
        data-code={job.error?.code}
      >
        <p className="import-result__head">
          <span className="import-result__icon" aria-hidden="true">
            ✕
          </span>
          <span className="import-result__file" title={job.name}>
            {job.name}
          </span>
        </p>
        <p className="import-result__text">{errorText(t, job)}</p>
        {job.error?.message && <TechnicalDetail text={job.error.message} />}
      </div>
    );
  }
  const r = job.report;
  const formatLabel = t(`sources.import.formats.${r.format}`, { defaultValue: r.format });
  return (
    <div
      className="import-result"
      data-testid="import-result"
      data-file={job.name}
      data-format={r.format}
      data-inserted={r.inserted}
      data-duplicates={r.duplicates}
      data-quarantined={r.quarantined}
    >
      <p className="import-result__head">
        <span className="import-result__icon import-result__icon--ok" aria-hidden="true">
          ✓
        </span>
        <span className="import-result__file" title={job.name}>
          {job.name}
        </span>
        <span className="import-result__format">{t('sources.import.readAs', { format: formatLabel })}</span>
      </p>
      <p className="import-result__counts">
        <Count
          label={t('sources.import.inserted', { count: r.inserted })}
          value={f.integer(r.inserted)}
          tone="ok"
        />
        <Count
          label={t('sources.import.duplicates', { count: r.duplicates })}
          value={f.integer(r.duplicates)}
        />
        <Count
          label={t('sources.import.quarantined', { count: r.quarantined })}
          value={f.integer(r.quarantined)}
          tone={r.quarantined > 0 ? 'warn' : undefined}
        />
        {r.shares > 0 && (
          <Count label={t('sources.import.shares', { count: r.shares })} value={f.integer(r.shares)} />
        )}
      </p>
    </div>
  );
}

function Count({ label, value, tone }: { label: string; value: string; tone?: 'ok' | 'warn' }) {
  return (
    <span className={tone ? `count count--${tone}` : 'count'}>
      <strong className="count__value">{value}</strong> <span className="count__label">{label}</span>
    </span>
  );
}

function errorText(t: ReturnType<typeof useTranslation>['t'], job: ImportJob): string {
  const code = job.error?.code ?? 'internal';
  const message = job.error?.message ?? '';
  if (code === 'bad_format') {
    if (/unknown format/i.test(message)) return t('sources.import.errors.unsupported');
    if (job.format === 'auto') return t('sources.import.errors.unrecognised');
    return t('sources.import.errors.wrongFormat', { format: t(`sources.import.formats.${job.format}`) });
  }
  if (code === 'file_too_large') return t('sources.import.errors.tooLarge');
  if (code === 'disconnected') return t('sources.import.errors.disconnected');
  return t('sources.import.errors.failed');
}

/** 9,1 Mo / 9.1 MB */
function bytes(f: Formatters, n: number): string {
  const units = [
    ['gigabyte', 1024 ** 3],
    ['megabyte', 1024 ** 2],
    ['kilobyte', 1024],
  ] as const;
  const [unit, size] = units.find(([, s]) => n >= s) ?? ['byte', 1];
  return new Intl.NumberFormat(f.locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'byte' || unit === 'kilobyte' ? 0 : 1,
  }).format(n / size);
}
