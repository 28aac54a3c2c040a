import { useTranslation } from 'react-i18next';
import type { FieldProblem } from './form-problems';
import type { SourceTypeSpec } from './source-types';
import { TextField } from './TextField';

/** The first row: which kind of source, and what to call it. */
export function TypeAndName({
  type,
  name,
  available,
  locked,
  nameProblem,
  onType,
  onName,
}: {
  type: string;
  name: string;
  available: readonly SourceTypeSpec[];
  /** The type cannot change once the source exists (being edited, or saved while its token was not). */
  locked: boolean;
  nameProblem: FieldProblem;
  onType(type: string): void;
  onName(name: string): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-row">
      <div className="field">
        <label className="field__label" htmlFor="sf-type">
          {t('sources.form.type')}
        </label>
        <select
          id="sf-type"
          className="select field__control"
          value={type}
          disabled={locked}
          data-testid="source-form-type"
          onChange={(e) => onType(e.target.value)}
        >
          {available.map((s) => (
            <option key={s.type} value={s.type}>
              {t(`sources.types.${s.type}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="sf-name"
        label={t('sources.form.name')}
        value={name}
        placeholder={t('sources.form.namePlaceholder')}
        testId="source-form-name"
        required
        {...nameProblem}
        onChange={onName}
      />
    </div>
  );
}
