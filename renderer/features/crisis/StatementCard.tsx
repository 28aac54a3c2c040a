import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleAssignmentView, StatementView } from '../../../shared/crisis-model';
import { useFormat } from '../../lib/format';
import { SafeLink } from '../mentions/SafeLink';
import { formatDuration } from './countdown';
import { DecisionDialog, type Decision } from './DecisionDialog';
import { Dialog, Field } from './Dialog';
import { toggleName } from '../../lib/name-list';
import { NameChoices } from './NameChoices';
import { useCrisisStore } from './store';
import { useCellNames } from './useCellNames';

type Mode = null | 'request' | 'publish' | 'edit' | { approver: string; decision: Decision };

export function StatementCard({ statement: s, readOnly }: { statement: StatementView; readOnly: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const act = useCrisisStore((st) => st.act);
  const localActor = useCrisisStore((st) => st.state?.localActor ?? '');
  const [mode, setMode] = useState<Mode>(null);
  const [open, setOpen] = useState(s.status !== 'published');
  const units = { min: t('crisis.units.min'), h: t('crisis.units.h'), d: t('crisis.units.d') };
  return (
    <article className="statement" data-testid="statement" data-status={s.status} data-id={s.id}>
      <header className="statement__head">
        <button
          type="button"
          className="statement__toggle"
          aria-expanded={open}
          onClick={() => setOpen((v) => !v)}
        >
          <span className="statement__title">{s.title || t(`crisis.statements.kind.${s.kind}`)}</span>
        </button>
        <span className="statement__tags">
          <span className="tag">{t(`crisis.statements.kind.${s.kind}`)}</span>
          <span className="tag">{s.lang.toUpperCase()}</span>
          <span className={`tag tag--status-${s.status}`} data-testid="statement-status">
            {t(`crisis.statements.status.${s.status}`)}
          </span>
        </span>
      </header>
      {open && (
        <p className="statement__body" lang={s.lang}>
          {s.body}
        </p>
      )}
      <div className="statement__facts">
        <span>
          {t('crisis.statements.draftedBy', { who: s.createdBy ?? '—', time: f.time(s.createdAt) })}
          {s.version > 1 && ` · v${s.version}`}
        </span>
        {s.approvalMs !== null && (
          <span data-testid="statement-latency">
            {t('crisis.statements.decidedIn', { time: formatDuration(s.approvalMs, units) })}
          </span>
        )}
        {s.publishedAt !== null && (
          <span data-testid="statement-published">
            {t('crisis.statements.publishedAt', {
              time: f.time(s.publishedAt),
              who: s.publishedBy ?? '—',
              channel: s.channel ?? '',
            })}
            {s.publishedUrl && (
              <>
                {' '}
                <SafeLink url={s.publishedUrl} compact />
              </>
            )}
          </span>
        )}
      </div>
      {s.approvals.length > 0 && (
        <ul
          className="approvals"
          aria-label={t('crisis.statements.chain', { rule: t(`crisis.statements.rule.${s.rule ?? 'all'}`) })}
        >
          <li className="approvals__rule">
            {t('crisis.statements.chain', { rule: t(`crisis.statements.rule.${s.rule ?? 'all'}`) })}
          </li>
          {s.approvals.map((a) => (
            <li key={a.approver} className={`approval approval--${a.decision}`} data-testid="approval">
              <span className="approval__who">{a.approver}</span>
              <span className="approval__state">
                {t(`crisis.statements.decision.${a.decision}`)}
                {a.decidedAt !== null && ` · ${formatDuration(a.decidedAt - a.requestedAt, units)}`}
                {a.comment && ` — ${a.comment}`}
                {a.recordedBy && ` · ${t('crisis.statements.recordedBy', { who: a.recordedBy })}`}
              </span>
              {!readOnly && s.status === 'pending' && a.decision === 'pending' && (
                <span className="approval__actions">
                  <button
                    type="button"
                    className="button button--small button--primary"
                    data-testid="approve"
                    onClick={() =>
                      // Someone else's approval is entered on their behalf, after saying so.
                      a.approver === localActor
                        ? void act(
                            'statements.decide',
                            { statementId: s.id, approver: a.approver, decision: 'approved' },
                            'crisis.notice.approved',
                          )
                        : setMode({ approver: a.approver, decision: 'approved' })
                    }
                  >
                    {t('crisis.statements.approve')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="reject"
                    onClick={() => setMode({ approver: a.approver, decision: 'rejected' })}
                  >
                    {t('crisis.statements.reject')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="statement__actions">
          {s.status === 'draft' && (
            <button
              type="button"
              className="button button--small button--primary"
              data-testid="request-approval"
              onClick={() => setMode('request')}
            >
              {t('crisis.statements.requestApproval')}
            </button>
          )}
          {(s.status === 'draft' || s.status === 'rejected' || s.status === 'approved') && (
            <button
              type="button"
              className="button button--small"
              data-testid="statement-edit"
              onClick={() => setMode('edit')}
            >
              {t('crisis.statements.edit')}
            </button>
          )}
          {s.status === 'approved' && (
            <button
              type="button"
              className="button button--small button--primary"
              data-testid="publish"
              onClick={() => setMode('publish')}
            >
              {t('crisis.statements.publish')}
            </button>
          )}
        </div>
      )}
      {mode === 'request' && <RequestDialog statement={s} onClose={() => setMode(null)} />}
      {mode === 'publish' && <PublishDialog statement={s} onClose={() => setMode(null)} />}
      {mode === 'edit' && <EditDialog statement={s} onClose={() => setMode(null)} />}
      {mode && typeof mode === 'object' && (
        <DecisionDialog
          statement={s}
          approver={mode.approver}
          decision={mode.decision}
          onClose={() => setMode(null)}
        />
      )}
    </article>
  );
}

/** Default chain: the lead and the signatory in post, or the local member. */
function defaultApprovers(roles: RoleAssignmentView[], local: string): string {
  const names = roles.filter((r) => r.role === 'lead' || r.role === 'signatory').map((r) => r.member);
  return [...new Set(names.length ? names : [local])].join(', ');
}

function RequestDialog({ statement, onClose }: { statement: StatementView; onClose(): void }) {
  const { t } = useTranslation();
  const act = useCrisisStore((s) => s.act);
  const state = useCrisisStore((s) => s.state);
  const [approvers, setApprovers] = useState(() =>
    defaultApprovers(state?.roles ?? [], state?.localActor ?? ''),
  );
  const [rule, setRule] = useState<'any' | 'all'>('all');
  const cellNames = useCellNames();
  const list = [
    ...new Set(
      approvers
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  ];
  const submit = async () => {
    const ok = await act(
      'statements.requestApproval',
      { statementId: statement.id, approvers: list, rule },
      'crisis.notice.approvalRequested',
    );
    if (ok) onClose();
  };
  return (
    <Dialog
      title={t('crisis.statements.requestApproval')}
      testId="request-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('crisis.statements.send')}
      submitDisabled={list.length === 0}
    >
      <Field label={t('crisis.statements.approvers')} hint={t('crisis.statements.approversHint')}>
        <input
          className="input"
          value={approvers}
          autoFocus
          data-testid="approvers"
          onChange={(e) => setApprovers(e.target.value)}
        />
      </Field>
      <NameChoices
        names={cellNames}
        chosen={list}
        onToggle={(name) => setApprovers((a) => toggleName(a, name))}
      />
      <span className="crisis-dialog__text crisis-dialog__text--muted" id={`rule-label-${statement.id}`}>
        {t('crisis.statements.ruleLabel')}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={`rule-label-${statement.id}`}>
        {(['all', 'any'] as const).map((r) => (
          <button
            key={r}
            type="button"
            role="radio"
            aria-checked={rule === r}
            className="segmented__option"
            aria-pressed={rule === r}
            onClick={() => setRule(r)}
          >
            {t(`crisis.statements.ruleOption.${r}`)}
          </button>
        ))}
      </div>
    </Dialog>
  );
}

function PublishDialog({ statement, onClose }: { statement: StatementView; onClose(): void }) {
  const { t } = useTranslation();
  const act = useCrisisStore((s) => s.act);
  const [channel, setChannel] = useState('');
  const [url, setUrl] = useState('');
  const submit = async () => {
    const ok = await act(
      'statements.publish',
      { statementId: statement.id, channel: channel.trim(), ...(url.trim() ? { url: url.trim() } : {}) },
      'crisis.notice.published',
    );
    if (ok) onClose();
  };
  return (
    <Dialog
      title={t('crisis.statements.publish')}
      testId="publish-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('crisis.statements.markPublished')}
      submitDisabled={!channel.trim()}
    >
      <p className="crisis-dialog__text">{t('crisis.statements.publishHint')}</p>
      <Field label={t('crisis.statements.channel')}>
        <input
          className="input"
          value={channel}
          autoFocus
          maxLength={200}
          data-testid="publish-channel"
          onChange={(e) => setChannel(e.target.value)}
        />
      </Field>
      <Field label={t('crisis.statements.link')}>
        <input className="input" value={url} maxLength={2000} onChange={(e) => setUrl(e.target.value)} />
      </Field>
    </Dialog>
  );
}

function EditDialog({ statement, onClose }: { statement: StatementView; onClose(): void }) {
  const { t } = useTranslation();
  const act = useCrisisStore((s) => s.act);
  const [title, setTitle] = useState(statement.title);
  const [body, setBody] = useState(statement.body);
  const submit = async () => {
    const ok = await act(
      'statements.edit',
      { statementId: statement.id, title: title.trim(), body },
      'crisis.notice.revised',
    );
    if (ok) onClose();
  };
  return (
    <Dialog
      title={t('crisis.statements.edit')}
      testId="edit-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('crisis.statements.saveVersion')}
      submitDisabled={!body.trim()}
      wide
    >
      <p className="crisis-dialog__text">{t('crisis.statements.editHint')}</p>
      <Field label={t('crisis.statements.titleLabel')}>
        <input className="input" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label={t('crisis.statements.body')}>
        <textarea
          className="input textarea"
          rows={10}
          value={body}
          maxLength={20000}
          onChange={(e) => setBody(e.target.value)}
        />
      </Field>
    </Dialog>
  );
}
