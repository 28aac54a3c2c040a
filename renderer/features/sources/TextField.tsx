import { useTranslation } from 'react-i18next';
import type { Problem } from './form-model';
import { TechnicalDetail } from './TechnicalDetail';

/** What every field of the Sources form takes: its text, its problem if any, and a change handler. */
export interface FieldProps {
  value: string;
  problem: Problem | null;
  /** The core's message about this field, folded away. */
  detail: string | null;
  onChange(value: string): void;
}

/** One labelled text input with its hint or its error (the error replaces the hint). */
export function TextField({
  id,
  label,
  hint,
  placeholder,
  required,
  inputMode,
  testId,
  spellCheck,
  monospace,
  value,
  problem,
  detail,
  onChange,
}: FieldProps & {
  id: string;
  label: string;
  hint?: string;
  placeholder?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'url';
  testId: string;
  spellCheck?: boolean;
  monospace?: boolean;
  problem?: Problem | null;
  detail?: string | null;
}) {
  const { t } = useTranslation();
  const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <input
        id={id}
        className={monospace ? 'input field__control input--mono' : 'input field__control'}
        type="text"
        value={value}
        placeholder={placeholder}
        inputMode={inputMode}
        spellCheck={spellCheck}
        autoComplete="off"
        aria-required={required || undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem && (
        <div className="field__error" id={`${id}-error`} data-testid={`${testId}-error`}>
          {t(problem.key, problem.params)}
          {detail && <TechnicalDetail text={detail} />}
        </div>
      )}
      {hint && !problem && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
