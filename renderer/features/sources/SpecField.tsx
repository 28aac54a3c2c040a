import { useTranslation } from 'react-i18next';
import type { FieldSpec } from './source-types';
import { TextField, type FieldProps } from './TextField';

/** A config field as a source type describes it: label, hint and example come from its spec. */
export function SpecField({ field, ...rest }: FieldProps & { field: FieldSpec }) {
  const { t } = useTranslation();
  return (
    <TextField
      id={`sf-${field.key}`}
      label={t(field.label ?? `sources.fields.${field.key}`)}
      hint={field.hint ? t(field.hint) : undefined}
      placeholder={field.placeholder ? t('sources.form.example', { value: field.placeholder }) : undefined}
      required={field.required}
      inputMode={field.kind === 'integer' ? 'numeric' : field.kind === 'url' ? 'url' : undefined}
      testId={`source-field-${field.key}`}
      spellCheck={false}
      monospace={isTechnical(field)}
      {...rest}
    />
  );
}

/** URLs, ids and file names read better in monospace. */
function isTechnical(field: FieldSpec): boolean {
  return field.kind === 'url' || /Id$|^token/.test(field.key);
}
