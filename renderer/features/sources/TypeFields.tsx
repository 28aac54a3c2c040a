import { visibleFields } from './form-model';
import { INTERVAL_FIELD, type SourceTypeSpec } from './source-types';
import { SpecField } from './SpecField';
import { SpecFields, type FieldBinding } from './SpecFields';

/** The fields of this type in its current mode, then how often to poll (every type has it). */
export function TypeFields({ spec, ...binding }: FieldBinding & { spec: SourceTypeSpec }) {
  const { values, problemFor, setField } = binding;
  return (
    <div className="form-grid">
      <SpecFields fields={visibleFields(spec, values.mode)} {...binding} />
      <SpecField
        field={INTERVAL_FIELD}
        value={values.fields[INTERVAL_FIELD.key] ?? ''}
        {...problemFor(INTERVAL_FIELD.key)}
        onChange={(v) => setField(INTERVAL_FIELD.key, v)}
      />
    </div>
  );
}
