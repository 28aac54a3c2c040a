import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATEMENT_KIND_IDS } from './constants';
import { variablesToFill } from './template-vars';
import { Dialog, Field } from './Dialog';
import { useCrisisStore } from './store';

const BRAND_KEY = 'vigie.statements.brand';

/** Drafts a statement from a template (FR/EN, variables filled) or as free text. */
export function StatementDraftDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const catalog = useCrisisStore((s) => s.catalog);
  const state = useCrisisStore((s) => s.state);
  const act = useCrisisStore((s) => s.act);
  const [templateId, setTemplateId] = useState(
    catalog?.templates.find((x) => x.kind === 'holding')?.id ?? '',
  );
  const [lang, setLang] = useState<'fr' | 'en'>(i18n.language.startsWith('en') ? 'en' : 'fr');
  const [values, setValues] = useState<Record<string, string>>(() => ({
    brand: localStorage.getItem(BRAND_KEY) ?? '',
  }));
  const [kind, setKind] = useState<(typeof STATEMENT_KIND_IDS)[number]>('holding');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const en = i18n.language.startsWith('en');
  const template = catalog?.templates.find((x) => x.id === templateId);
  const filled = state?.templateValues[lang] ?? {};
  const toFill = template ? variablesToFill(template, filled) : [];
  const describe = (name: string) => {
    const v = template?.variables.find((x) => x.name === name);
    return v
      ? en
        ? v.description.en
        : v.description.fr
      : t(`crisis.statements.variable.${name}`, { defaultValue: name });
  };
  const ready = template ? toFill.every((n) => (values[n] ?? '').trim()) : body.trim().length > 0;

  const submit = async () => {
    if (!state) return;
    if (values.brand) localStorage.setItem(BRAND_KEY, values.brand);
    const clean = Object.fromEntries(
      Object.entries(values)
        .map(([k, v]) => [k, v.trim()] as const)
        .filter(([k, v]) => v && (toFill.includes(k) || k === 'brand')),
    );
    const ok = template
      ? await act(
          'statements.draft',
          { incidentId: state.incident.id, lang, templateId: template.id, values: clean },
          'crisis.notice.drafted',
        )
      : await act(
          'statements.draft',
          { incidentId: state.incident.id, lang, kind, title: title.trim(), body },
          'crisis.notice.drafted',
        );
    if (ok) onClose();
  };

  return (
    <Dialog
      title={t('crisis.statements.new')}
      testId="draft-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('crisis.statements.saveDraft')}
      submitDisabled={!ready}
      wide
    >
      <div className="field-row">
        <Field label={t('crisis.statements.template')}>
          <select
            className="select"
            value={templateId}
            data-testid="draft-template"
            onChange={(e) => setTemplateId(e.target.value)}
          >
            <option value="">{t('crisis.statements.freeText')}</option>
            {catalog?.templates.map((x) => (
              <option key={x.id} value={x.id}>
                {en ? x.title.en : x.title.fr}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('crisis.statements.language')}>
          <select
            className="select"
            value={lang}
            data-testid="draft-lang"
            onChange={(e) => setLang(e.target.value as 'fr' | 'en')}
          >
            <option value="fr">{t('settings.fr')}</option>
            <option value="en">{t('settings.en')}</option>
          </select>
        </Field>
      </div>
      {template ? (
        <>
          {toFill.length === 0 && (
            <p className="crisis-dialog__text">{t('crisis.statements.nothingToFill')}</p>
          )}
          {toFill.map((name, i) => (
            <Field key={name} label={describe(name)}>
              <input
                className="input"
                value={values[name] ?? ''}
                maxLength={2000}
                autoFocus={i === 0}
                data-testid={`draft-var-${name}`}
                onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
              />
            </Field>
          ))}
          {template.uses.some((n) => filled[n]) && (
            <p className="crisis-dialog__text crisis-dialog__text--muted">
              {t('crisis.statements.filledByVigie', {
                list: template.uses
                  .filter((n) => filled[n])
                  .map((n) => `${t(`crisis.statements.variable.${n}`, { defaultValue: n })} : ${filled[n]}`)
                  .join(' · '),
              })}
            </p>
          )}
        </>
      ) : (
        <>
          <div className="field-row">
            <Field label={t('crisis.statements.kindLabel')}>
              <select
                className="select"
                value={kind}
                onChange={(e) => setKind(e.target.value as typeof kind)}
              >
                {STATEMENT_KIND_IDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`crisis.statements.kind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('crisis.statements.titleLabel')}>
              <input
                className="input"
                value={title}
                maxLength={300}
                onChange={(e) => setTitle(e.target.value)}
              />
            </Field>
          </div>
          <Field label={t('crisis.statements.body')}>
            <textarea
              className="input textarea"
              rows={8}
              value={body}
              maxLength={20000}
              data-testid="draft-body"
              onChange={(e) => setBody(e.target.value)}
            />
          </Field>
        </>
      )}
    </Dialog>
  );
}
