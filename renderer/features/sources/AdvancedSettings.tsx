import { useTranslation } from 'react-i18next';
import { advancedFields } from './form-model';
import type { SourceTypeSpec } from './source-types';
import { SpecFields, type FieldBinding } from './SpecFields';

/**
 * Backfill and where else to read the token from, folded away. Controlled by the form, which opens it
 * when one of its fields has a problem: a folded problem would go unseen.
 */
export function AdvancedSettings({
  spec,
  open,
  onToggle,
  ...binding
}: FieldBinding & { spec: SourceTypeSpec; open: boolean; onToggle(open: boolean): void }) {
  const { t } = useTranslation();
  return (
    <details className="advanced" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary className="advanced__summary">{t('sources.form.advanced')}</summary>
      <div className="form-grid">
        <SpecFields fields={advancedFields(spec)} {...binding} />
      </div>
      <p className="field__hint">{t('sources.form.pointersHint')}</p>
    </details>
  );
}
