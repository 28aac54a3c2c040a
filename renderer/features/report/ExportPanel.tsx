import { useTranslation } from 'react-i18next';
import type { ReportFormat } from '../../../shared/report-model';
import { useReportStore } from './store';

const FORMATS: ReportFormat[] = ['md', 'html', 'pdf', 'csv', 'json'];

const size = (n: number) =>
  n < 1024 ? `${n} o` : n < 1024 ** 2 ? `${(n / 1024).toFixed(0)} Kio` : `${(n / 1024 ** 2).toFixed(1)} Mio`;
const sizeEn = (n: number) => size(n).replace(' o', ' B').replace('Kio', 'KiB').replace('Mio', 'MiB');

/** Format and options, a preview of the content, and the download (a Blob, the same bytes as the CLI). */
export function ExportPanel() {
  const { t, i18n } = useTranslation();
  const { options, setOptions, preview, refreshPreview, download, busy, lastFile, error, dirty } =
    useReportStore();
  const isDocument = options.format !== 'csv' && options.format !== 'json';
  return (
    <section className="report__panel report__export" aria-labelledby="report-export-title">
      <h2 id="report-export-title" className="report__panel-title">
        {t('report.export.heading')}
      </h2>
      <fieldset className="report__formats">
        <legend>{t('report.export.format')}</legend>
        {FORMATS.map((f) => (
          <label key={f} className={options.format === f ? 'report__chip report__chip--on' : 'report__chip'}>
            <input
              type="radio"
              name="report-format"
              value={f}
              checked={options.format === f}
              onChange={() => setOptions({ format: f })}
            />
            {t(`report.export.formats.${f}`)}
          </label>
        ))}
      </fieldset>
      <div className="report__options">
        {isDocument && (
          <label className="report__inline">
            <span>{t('report.export.lang')}</span>
            <select
              className="select"
              value={options.lang}
              onChange={(e) => setOptions({ lang: e.target.value as 'fr' | 'en' })}
              data-testid="export-lang"
            >
              <option value="fr">{t('report.export.langs.fr')}</option>
              <option value="en">{t('report.export.langs.en')}</option>
            </select>
          </label>
        )}
        {options.format === 'csv' && (
          <>
            <label className="report__inline">
              <span>{t('report.export.csvTable')}</span>
              <select
                className="select"
                value={options.csvTable}
                onChange={(e) => setOptions({ csvTable: e.target.value as 'mentions' | 'timeline' })}
              >
                <option value="mentions">{t('report.export.csvTables.mentions')}</option>
                <option value="timeline">{t('report.export.csvTables.timeline')}</option>
              </select>
            </label>
            <label className="report__inline">
              <span>{t('report.export.delimiter')}</span>
              <select
                className="select"
                value={options.delimiter}
                onChange={(e) => setOptions({ delimiter: e.target.value as ';' | ',' })}
              >
                <option value=";">{t('report.export.delimiters.semicolon')}</option>
                <option value=",">{t('report.export.delimiters.comma')}</option>
              </select>
            </label>
          </>
        )}
        {options.format !== 'json' && (
          <label className="report__check">
            <input
              type="checkbox"
              checked={options.pseudonymize}
              onChange={(e) => setOptions({ pseudonymize: e.target.checked })}
              data-testid="export-pseudonymize"
            />
            {t('report.export.pseudonymize')}
          </label>
        )}
        {isDocument && (
          <label className="report__check">
            <input
              type="checkbox"
              checked={options.includePrivate}
              onChange={(e) => setOptions({ includePrivate: e.target.checked })}
            />
            {t('report.export.includePrivate')}
          </label>
        )}
        {options.format === 'json' && <p className="report__note">{t('report.export.jsonNote')}</p>}
      </div>
      {dirty && <p className="report__note report__note--warn">{t('report.export.saveFirst')}</p>}
      <div className="report__buttons">
        <button type="button" className="button" disabled={busy} onClick={() => void refreshPreview()}>
          {t('report.export.refreshPreview')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void download()}
          data-testid="export-download"
        >
          {busy ? t('report.export.downloading') : t('report.export.download')}
        </button>
        <span className="report__status" role="status" data-testid="export-status">
          {error
            ? t('report.error', { message: error })
            : lastFile
              ? t('report.export.downloaded', {
                  name: lastFile.name,
                  size: i18n.language.startsWith('fr') ? size(lastFile.size) : sizeEn(lastFile.size),
                })
              : ''}
        </span>
      </div>
      <div
        className="report__preview"
        aria-label={t('report.export.preview')}
        tabIndex={0}
        data-testid="export-preview"
      >
        {preview ? (
          <>
            {isDocument && <p className="report__note">{t('report.export.previewPdf')}</p>}
            {/* A table (CSV) is read row by row: its lines never wrap, the preview scrolls sideways. */}
            <pre className={options.format === 'csv' ? 'report__preview-table' : undefined}>
              {preview.text}
            </pre>
            {preview.truncated && <p className="report__note">{t('report.export.previewTruncated')}</p>}
          </>
        ) : (
          <p className="report__note">{t('report.export.previewEmpty')}</p>
        )}
      </div>
    </section>
  );
}
