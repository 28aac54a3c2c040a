import { Fragment, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanField, dateOrder, joinParts, splitValue, type Part, type Parts } from '../../lib/date-fields';

const WIDTH: Record<Part, number> = { day: 2, month: 2, year: 4, hour: 2, minute: 2 };

/**
 * A date (and time) as separate numeric fields in the interface language's order, so a French
 * screen never shows an English browser's mm/dd/yyyy. `value` and `onChange` use the native inputs'
 * strings ("2026-11-29", "2026-11-29T14:05"); "" while the fields are incomplete or invalid.
 */
export function DateFields({
  value,
  onChange,
  label,
  withTime = false,
  invalid = false,
  autoFocus = false,
  testId,
}: {
  value: string;
  onChange(value: string): void;
  label: string;
  withTime?: boolean;
  invalid?: boolean;
  autoFocus?: boolean;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const [parts, setParts] = useState<Parts>(() => splitValue(value));
  const inputs = useRef<Partial<Record<Part, HTMLInputElement | null>>>({});
  // A value set from outside (a reset, another record) replaces what the fields hold; the value the
  // fields themselves just reported ("" while incomplete) leaves them alone.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (joinParts(parts, withTime) !== value) setParts(splitValue(value));
  }

  const order: Part[] = [...dateOrder(i18n.language), ...(withTime ? (['hour', 'minute'] as const) : [])];
  const edit = (part: Part, typed: string) => {
    const next = { ...parts, [part]: cleanField(part, typed) };
    setParts(next);
    onChange(joinParts(next, withTime));
    // A full field moves on to the next one, as people type a date in one go.
    const i = order.indexOf(part);
    if (next[part].length === WIDTH[part] && i + 1 < order.length) inputs.current[order[i + 1]!]?.focus();
  };
  const incomplete = order.some((p) => parts[p] !== '') && joinParts(parts, withTime) === '';

  return (
    <span className="date-fields" role="group" aria-label={label} data-testid={testId}>
      {order.map((part, i) => (
        <Fragment key={part}>
          {i > 0 && (
            <span className="date-fields__sep" aria-hidden="true">
              {part === 'hour' ? '' : part === 'minute' ? ':' : '/'}
            </span>
          )}
          <input
            ref={(el) => {
              inputs.current[part] = el;
            }}
            className={`input date-fields__part date-fields__part--${part}`}
            inputMode="numeric"
            autoComplete="off"
            aria-label={t(`dateFields.${part}`)}
            aria-invalid={invalid || incomplete}
            placeholder={t(`dateFields.placeholder.${part}`)}
            maxLength={WIDTH[part]}
            value={parts[part]}
            autoFocus={autoFocus && i === 0}
            onChange={(e) => edit(part, e.target.value)}
          />
        </Fragment>
      ))}
    </span>
  );
}
