// The add / edit form's state and actions; SourceForm.tsx only lays them out.
import { useEffect, useMemo, useState, type RefObject } from 'react';
import { api } from '../../api';
import { testConnection, type TestState } from './connection-test';
import {
  buildConfig,
  initialValues,
  newSourceId,
  secretOf,
  type FormErrors,
  type FormValues,
} from './form-model';
import {
  formProblems,
  inAdvanced,
  problemOf,
  saveProblem,
  secretProblem,
  type FieldProblem,
  type ServerProblem,
} from './form-problems';
import { SOURCE_TYPES, specFor } from './source-types';
import { useSourcesStore, type Editor } from './store';

export function useSourceForm(editor: NonNullable<Editor>, dialogRef: RefObject<HTMLDialogElement | null>) {
  const close = () => useSourcesStore.getState().openEditor(null);
  const types = useSourcesStore((s) => s.types);
  const existing = useSourcesStore((s) =>
    editor.mode === 'edit' ? (s.items.find((i) => i.id === editor.id) ?? null) : null,
  );
  /** Set once a new source is saved but its token is not: the next save updates it. */
  const [createdId, setCreatedId] = useState<string | null>(null);
  const editingId = editor.mode === 'edit' ? editor.id : createdId;

  // A type the core no longer offers stays listed for the source that already uses it.
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

  const spec = values ? specFor(values.type) : null;
  const stored = secretOf(existing?.config ?? {});

  // Problems are marked on render: the first one gets the focus once they are on screen.
  const [focusRequest, setFocusRequest] = useState(0);
  const focusFirstProblem = () => setFocusRequest((n) => n + 1);
  useEffect(() => {
    if (focusRequest > 0) dialogRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest, dialogRef]);

  /** Runs the form's own checks (all of them to save; those of the connection to test it). */
  const check = (forTest: boolean): boolean => {
    if (!spec || !values) return false;
    const found = formProblems(
      spec,
      values,
      { typed: secret.trim() !== '', stored: stored.kind !== null },
      forTest,
    );
    setErrors(found);
    if (inAdvanced(spec, Object.keys(found))) setAdvancedOpen(true);
    if (Object.keys(found).length === 0) return true;
    focusFirstProblem();
    return false;
  };

  // Built on the stored config, so that keys the form does not own (such as `secretRef`) are kept.
  const configNow = () =>
    buildConfig(spec!, values!, useSourcesStore.getState().items.find((i) => i.id === editingId)?.config);

  const runTest = async () => {
    if (!check(true) || !spec) return;
    setTest({ state: 'running' });
    setTest(await testConnection(spec.type, configNow, secret.trim() !== ''));
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
      const problem = saveProblem(err, spec, values);
      if (problem.field && inAdvanced(spec, [problem.field])) setAdvancedOpen(true);
      setServer(problem);
      setSaving(false);
      focusFirstProblem();
      return;
    }
    // The token goes to the vault apart from the config, and only once the source exists.
    if (secret.trim()) {
      try {
        await api.call('sources.setSecret', { id, secret: secret.trim() });
      } catch (err) {
        setCreatedId(id);
        setServer(secretProblem(err));
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

  const setName = (name: string) => {
    setValues((cur) => (cur ? { ...cur, name } : cur));
    setErrors(({ name: _gone, ...rest }) => rest);
  };

  const setMode = (mode: string) => {
    setValues((v) => (v ? { ...v, mode } : v));
    setErrors({});
  };

  const typeSecret = (value: string) => {
    setSecret(value);
    setErrors(({ secret: _gone, ...rest }) => rest);
  };

  // Another type has other fields: start over, keeping only the name.
  const chooseType = (type: string) => {
    const next = specFor(type);
    if (!next) return;
    setValues((v) => ({ ...initialValues(next), name: v?.name ?? '' }));
    setErrors({});
    setServer(null);
    setTest({ state: 'idle' });
  };

  const problemFor = (key: string): FieldProblem => problemOf(errors, server, key);

  return {
    close,
    available,
    editingId,
    values,
    spec,
    secret,
    stored,
    server,
    saving,
    test,
    advancedOpen,
    setAdvancedOpen,
    runTest,
    save,
    setField,
    setName,
    setMode,
    typeSecret,
    chooseType,
    problemFor,
  };
}
