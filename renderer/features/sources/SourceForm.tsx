import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api';
import { useFormat } from '../../lib/format';
import {
  advancedFields,
  buildConfig,
  fieldOfServerError,
  initialValues,
  newSourceId,
  secretOf,
  validate,
  visibleFields,
  type FormErrors,
  type FormValues,
  type Problem,
} from './form-model';
import { INTERVAL_FIELD, SOURCE_TYPES, specFor, type FieldSpec, type SourceTypeSpec } from './source-types';
import { testFailureKind } from './status';
import { useSourcesStore, type Editor } from './store';
import { TechnicalDetail } from './TechnicalDetail';

/** The add / edit dialog, shown while the store has an editor open. */
export function SourceEditor() {
  const editor = useSourcesStore((s) => s.editor);
  // The form starts from the list of types the core knows: wait for it.
  const ready = useSourcesStore((s) => s.status === 'ready');
  if (!editor || !ready) return null;
  return <SourceForm key={editor.mode === 'edit' ? `edit:${editor.id}` : 'add'} editor={editor} />;
}

type TestState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; ok: boolean; message: string; sample: number; tokenUnsaved: boolean };

type ServerProblem = { field: string | null; key: string; message: string };

function SourceForm({ editor }: { editor: NonNullable<Editor> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const close = () => useSourcesStore.getState().openEditor(null);
  const types = useSourcesStore((s) => s.types);
  const existing = useSourcesStore((s) =>
    editor.mode === 'edit' ? (s.items.find((i) => i.id === editor.id) ?? null) : null,
  );
  /** Set once a new source is saved but its token is not: the next save updates it. */
  const [createdId, setCreatedId] = useState<string | null>(null);
  const editingId = editor.mode === 'edit' ? editor.id : createdId;

  const available = useMemo(
    () => SOURCE_TYPES.filter((s) => types.includes(s.type) || s.type === existing?.type),
    [types, existing?.type],
  );
  const [values, setValues] = useState<FormValues | null>(() => {
    const spec = existing ? specFor(existing.type) : (available[0] ?? null);
    return spec ? initialValues(spec, existing ?? undefined) : null;
  });
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [server, setServer] = useState<ServerProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const [test, setTest] = useState<TestState>({ state: 'idle' });
  const [advancedOpen, setAdvancedOpen] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  const spec = values ? specFor(values.type) : null;
  const stored = secretOf(existing?.config ?? {});
  const titleId = useId();

  // Problems are marked on render: the first one gets the focus once they are on screen.
  const [focusRequest, setFocusRequest] = useState(0);
  const focusFirstProblem = () => setFocusRequest((n) => n + 1);
  useEffect(() => {
    if (focusRequest > 0) dialogRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  /** Runs the form's own checks (all of them to save; those of the connection to test it). */
  const check = (forTest: boolean): boolean => {
    if (!spec || !values) return false;
    const found = validate(spec, values, { typed: secret.trim() !== '', stored: stored.kind !== null });
    if (forTest) {
      delete found.name;
      delete found.secret;
    }
    setErrors(found);
    if (Object.keys(found).some((k) => advancedFields(spec).some((a) => a.key === k))) setAdvancedOpen(true);
    if (Object.keys(found).length === 0) return true;
    focusFirstProblem();
    return false;
  };

  const configNow = () =>
    buildConfig(spec!, values!, useSourcesStore.getState().items.find((i) => i.id === editingId)?.config);

  const runTest = async () => {
    if (!check(true) || !spec) return;
    setTest({ state: 'running' });
    try {
      const r = await api.call('sources.test', { type: spec.type, config: configNow() });
      setTest({ state: 'done', ...r, tokenUnsaved: secret.trim() !== '' });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setTest({ state: 'done', ok: false, message, sample: 0, tokenUnsaved: false });
    }
  };

  const save = async () => {
    setServer(null);
    if (!check(false) || !spec || !values) return;
    setSaving(true);
    const store = useSourcesStore.getState();
    const id = editingId ?? newSourceId(spec.type, values.name, new Set(store.items.map((i) => i.id)));
    try {
      await api.call('sources.save', { id, type: spec.type, name: values.name.trim(), config: configNow() });
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'internal';
      const message = err instanceof Error ? err.message : String(err);
      const visible = [
        'name',
        ...visibleFields(spec, values.mode),
        INTERVAL_FIELD,
        ...advancedFields(spec),
      ].map((x) => (typeof x === 'string' ? x : x.key));
      const field = code === 'bad_config' ? fieldOfServerError(message, visible) : null;
      if (field && advancedFields(spec).some((a) => a.key === field)) setAdvancedOpen(true);
      setServer({
        field,
        key: code === 'bad_config' ? 'sources.form.refused' : 'sources.form.saveFailed',
        message,
      });
      setSaving(false);
      focusFirstProblem();
      return;
    }
    if (secret.trim()) {
      try {
        await api.call('sources.setSecret', { id, secret: secret.trim() });
      } catch (err) {
        setCreatedId(id);
        setServer({
          field: 'secret',
          key: 'sources.form.secretFailed',
          message: err instanceof Error ? err.message : String(err),
        });
        setSaving(false);
        void store.load();
        return;
      }
    }
    setSaving(false);
    void store.load();
    close();
  };

  const setField = (key: string, value: string) => {
    setValues((v) => (v ? { ...v, fields: { ...v.fields, [key]: value } } : v));
    setErrors(({ [key]: _gone, ...rest }) => rest);
    if (server?.field === key) setServer(null);
  };

  const chooseType = (type: string) => {
    const next = specFor(type);
    if (!next) return;
    setValues((v) => ({ ...initialValues(next), name: v?.name ?? '' }));
    setErrors({});
    setServer(null);
    setTest({ state: 'idle' });
  };

  const problemFor = (key: string): { problem: Problem | null; detail: string | null } => {
    if (errors[key]) return { problem: errors[key]!, detail: null };
    if (server?.field === key)
      return { problem: { key: 'sources.form.fieldRefused' }, detail: server.message };
    return { problem: null, detail: null };
  };

  const title = editor.mode === 'edit' ? t('sources.form.editTitle') : t('sources.form.addTitle');

  return (
    <dialog
      ref={dialogRef}
      className="dialog source-form"
      aria-labelledby={titleId}
      data-testid="source-form"
      onClose={close}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <header className="dialog__head">
          <h2 className="dialog__title" id={titleId}>
            {title}
          </h2>
          <button
            type="button"
            className="dialog__close"
            aria-label={t('sources.form.close')}
            title={t('sources.form.close')}
            onClick={close}
          >
            ×
          </button>
        </header>

        {!values || !spec ? (
          <p className="dialog__body dialog__empty">{t('sources.form.noTypes')}</p>
        ) : (
          <div className="dialog__body">
            <div className="form-row">
              <div className="field">
                <label className="field__label" htmlFor="sf-type">
                  {t('sources.form.type')}
                </label>
                <select
                  id="sf-type"
                  className="select field__control"
                  value={values.type}
                  disabled={editingId !== null}
                  data-testid="source-form-type"
                  onChange={(e) => chooseType(e.target.value)}
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
                value={values.name}
                placeholder={t('sources.form.namePlaceholder')}
                testId="source-form-name"
                required
                {...problemFor('name')}
                onChange={(v) => {
                  setValues((cur) => (cur ? { ...cur, name: v } : cur));
                  setErrors(({ name: _gone, ...rest }) => rest);
                }}
              />
            </div>

            {spec.modes && (
              <fieldset className="modes">
                <legend className="field__label">{t('sources.form.mode')}</legend>
                <div className="modes__options" data-testid="source-form-modes">
                  {spec.modes.map((m) => (
                    <label key={m.id} className="modes__option">
                      <input
                        type="radio"
                        name="sf-mode"
                        value={m.id}
                        checked={values.mode === m.id}
                        data-testid={`source-mode-${m.id}`}
                        onChange={() => {
                          setValues((v) => (v ? { ...v, mode: m.id } : v));
                          setErrors({});
                        }}
                      />
                      <span>{t(`sources.modes.${spec.type}.${m.id}`)}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            )}

            <div className="form-grid">
              {visibleFields(spec, values.mode).map((field) => (
                <SpecField
                  key={field.key}
                  field={field}
                  value={values.fields[field.key] ?? ''}
                  {...problemFor(field.key)}
                  onChange={(v) => setField(field.key, v)}
                />
              ))}
              <SpecField
                field={INTERVAL_FIELD}
                value={values.fields[INTERVAL_FIELD.key] ?? ''}
                {...problemFor(INTERVAL_FIELD.key)}
                onChange={(v) => setField(INTERVAL_FIELD.key, v)}
              />
            </div>

            <SecretField
              spec={spec}
              value={secret}
              stored={stored}
              {...problemFor('secret')}
              onChange={(v) => {
                setSecret(v);
                setErrors(({ secret: _gone, ...rest }) => rest);
              }}
            />

            <details
              className="advanced"
              open={advancedOpen}
              onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}
            >
              <summary className="advanced__summary">{t('sources.form.advanced')}</summary>
              <div className="form-grid">
                {advancedFields(spec).map((field) => (
                  <SpecField
                    key={field.key}
                    field={field}
                    value={values.fields[field.key] ?? ''}
                    {...problemFor(field.key)}
                    onChange={(v) => setField(field.key, v)}
                  />
                ))}
              </div>
              <p className="field__hint">{t('sources.form.pointersHint')}</p>
            </details>

            <div className="test-box">
              <button
                type="button"
                className="button"
                data-testid="source-test"
                disabled={test.state === 'running'}
                onClick={() => void runTest()}
              >
                {test.state === 'running' ? t('sources.test.running') : t('sources.test.button')}
              </button>
              <div className="test-box__result" role="status" aria-live="polite">
                {test.state === 'done' && (
                  <div
                    className={`test-result test-result--${test.ok ? 'ok' : 'failed'}`}
                    data-testid="source-test-result"
                    data-ok={String(test.ok)}
                  >
                    <p className="test-result__text">
                      {test.ok
                        ? t('sources.test.ok', { count: test.sample, formatted: f.integer(test.sample) })
                        : t(`sources.test.failed.${testFailureKind(test.message)}`)}
                    </p>
                    {test.tokenUnsaved && <p className="field__hint">{t('sources.test.tokenUnsaved')}</p>}
                    {!test.ok && <TechnicalDetail text={test.message} />}
                  </div>
                )}
              </div>
            </div>

            {server && server.field === null && (
              <div className="form-error" role="alert" data-testid="source-form-error">
                <p className="form-error__text">{t(server.key)}</p>
                <TechnicalDetail text={server.message} />
              </div>
            )}
          </div>
        )}

        <footer className="dialog__foot">
          <p className="dialog__note" aria-hidden="true">
            <span className="field__required">*</span> {t('sources.form.requiredNote')}
          </p>
          <button type="button" className="button button--quiet" onClick={close}>
            {t('sources.form.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            data-testid="source-form-save"
            disabled={saving || !spec}
          >
            {saving ? t('sources.form.saving') : t('sources.form.save')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}

interface FieldProps {
  value: string;
  problem: Problem | null;
  /** The core's message about this field, folded away. */
  detail: string | null;
  onChange(value: string): void;
}

function SpecField({ field, ...rest }: FieldProps & { field: FieldSpec }) {
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

function TextField({
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

function SecretField({
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
