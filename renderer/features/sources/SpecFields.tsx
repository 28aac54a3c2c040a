import type { FormValues } from './form-model';
import type { FieldProblem } from './form-problems';
import type { FieldSpec } from './source-types';
import { SpecField } from './SpecField';

/** How a group of config fields reaches the form's values and problems. */
export interface FieldBinding {
  values: FormValues;
  problemFor(key: string): FieldProblem;
  setField(key: string, value: string): void;
}

/** Config fields in the order given, each bound to its value (fields of several modes share a key). */
export function SpecFields({ fields, values, problemFor, setField }: FieldBinding & { fields: FieldSpec[] }) {
  return fields.map((field) => (
    <SpecField
      key={field.key}
      field={field}
      value={values.fields[field.key] ?? ''}
      {...problemFor(field.key)}
      onChange={(v) => setField(field.key, v)}
    />
  ));
}
