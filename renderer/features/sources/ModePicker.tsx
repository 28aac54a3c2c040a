import { useTranslation } from 'react-i18next';
import type { SourceTypeSpec } from './source-types';

/** For types that can follow several kinds of thing (a hashtag, a search, a video…): which one. */
export function ModePicker({
  spec,
  mode,
  onMode,
}: {
  spec: SourceTypeSpec;
  mode: string | null;
  onMode(mode: string): void;
}) {
  const { t } = useTranslation();
  if (!spec.modes) return null;
  return (
    <fieldset className="modes">
      <legend className="field__label">{t('sources.form.mode')}</legend>
      <div className="modes__options" data-testid="source-form-modes">
        {spec.modes.map((m) => (
          <label key={m.id} className="modes__option">
            <input
              type="radio"
              name="sf-mode"
              value={m.id}
              checked={mode === m.id}
              data-testid={`source-mode-${m.id}`}
              onChange={() => onMode(m.id)}
            />
            <span>{t(`sources.modes.${spec.type}.${m.id}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
