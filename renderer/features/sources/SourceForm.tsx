import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AdvancedSettings } from './AdvancedSettings';
import { ConnectionTest } from './ConnectionTest';
import { ModePicker } from './ModePicker';
import { SecretField } from './SecretField';
import { useSourcesStore, type Editor } from './store';
import { TechnicalDetail } from './TechnicalDetail';
import { TypeAndName } from './TypeAndName';
import { TypeFields } from './TypeFields';
import { useSourceForm } from './useSourceForm';

/** The add / edit dialog, shown while the store has an editor open. */
export function SourceEditor() {
  const editor = useSourcesStore((s) => s.editor);
  // The form starts from the list of types the core knows: wait for it.
  const ready = useSourcesStore((s) => s.status === 'ready');
  if (!editor || !ready) return null;
  return <SourceForm key={editor.mode === 'edit' ? `edit:${editor.id}` : 'add'} editor={editor} />;
}

/** The dialog's shell: head, the field groups in order, the form-wide error, and the save footer. */
function SourceForm({ editor }: { editor: NonNullable<Editor> }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  const form = useSourceForm(editor, dialogRef);
  const { close, values, spec, server } = form;
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
          void form.save();
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
            <TypeAndName
              type={values.type}
              name={values.name}
              available={form.available}
              locked={form.editingId !== null}
              nameProblem={form.problemFor('name')}
              onType={form.chooseType}
              onName={form.setName}
            />

            <ModePicker spec={spec} mode={values.mode} onMode={form.setMode} />

            <TypeFields spec={spec} values={values} problemFor={form.problemFor} setField={form.setField} />

            <SecretField
              spec={spec}
              value={form.secret}
              stored={form.stored}
              {...form.problemFor('secret')}
              onChange={form.typeSecret}
            />

            <AdvancedSettings
              spec={spec}
              open={form.advancedOpen}
              onToggle={form.setAdvancedOpen}
              values={values}
              problemFor={form.problemFor}
              setField={form.setField}
            />

            <ConnectionTest test={form.test} onRun={() => void form.runTest()} />

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
            disabled={form.saving || !spec}
          >
            {form.saving ? t('sources.form.saving') : t('sources.form.save')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
