import { useTranslation } from 'react-i18next';
import type { secretOf } from './form-model';
import type { SourceTypeSpec } from './source-types';
import { TechnicalDetail } from './TechnicalDetail';
import type { FieldProps } from './TextField';

/**
 * The token field. It never shows the stored token, only where it lives (vault, env variable, file):
 * typing replaces it, leaving it empty keeps it.
 */
export function SecretField({
  spec,
  value,
  stored,
  problem,
  detail,
  onChange,
}: FieldProps & { spec: SourceTypeSpec; stored: ReturnType<typeof secretOf> }) {
  const { t } = useTranslation();
  const state =
    stored.kind === 'vault'
      ? t('sources.secret.stored')
      : stored.kind === 'env'
        ? t('sources.secret.fromEnv', { name: stored.name })
        : stored.kind === 'file'
          ? t('sources.secret.fromFile', { name: stored.name })
          : spec.secret === 'required'
            ? t('sources.secret.requiredNone')
            : t('sources.secret.optionalNone');
  return (
    <div className="field secret">
      <label className="field__label" htmlFor="sf-secret">
        {t(`sources.secret.label.${spec.type}`, { defaultValue: t('sources.secret.labelDefault') })}
        {spec.secret === 'required' && stored.kind === null && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <input
        id="sf-secret"
        className="input field__control input--mono"
        type="password"
        value={value}
        autoComplete="new-password"
        spellCheck={false}
        placeholder={stored.kind ? t('sources.secret.keepPlaceholder') : t('sources.secret.newPlaceholder')}
        aria-invalid={problem ? true : undefined}
        aria-describedby="sf-secret-state"
        data-testid="source-field-secret"
        onChange={(e) => onChange(e.target.value)}
      />
      <p
        className={stored.kind ? 'secret__state secret__state--stored' : 'secret__state'}
        id="sf-secret-state"
        data-testid="secret-state"
        data-state={stored.kind ?? 'none'}
      >
        {stored.kind && (
          <span className="secret__check" aria-hidden="true">
            ✓
          </span>
        )}
        {state} {t('sources.secret.never')}
      </p>
      {problem && (
        <div className="field__error" data-testid="source-field-secret-error">
          {t(problem.key, problem.params)}
          {detail && <TechnicalDetail text={detail} />}
        </div>
      )}
    </div>
  );
}
