import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../../shared/team-model';
import { api } from '../../api';
import { Dialog } from './Dialog';
import { useIsEnglish } from './labels';
import { useTeamStore } from './store';

/** The handoff note template (what is open, pending, who to watch), filled by the core, editable. */
export function HandoffDialog({ member, onClose }: { member: MemberView; onClose(): void }) {
  const { t } = useTranslation();
  const en = useIsEnglish();
  const board = useTeamStore((s) => s.board);
  const [to, setTo] = useState<string>('');
  const [notes, setNotes] = useState('');
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const others = (board?.members ?? []).filter((m) => m.id !== member.id);

  const generate = async () => {
    try {
      const note = await api.call('team.handoff', { memberId: member.id, toMemberId: to || null, notes });
      setText(en ? note.en : note.fr);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Dialog
      title={t('team.handoff.title', { name: member.displayName })}
      onClose={onClose}
      testId="handoff-dialog"
    >
      <div className="team-form">
        <label className="team-field">
          <span>{t('team.handoff.to')}</span>
          <select className="select" value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t('team.handoff.nobody')}</option>
            {others.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
        </label>
        <label className="team-field">
          <span>{t('team.handoff.notes')}</span>
          <textarea
            className="input team-textarea"
            rows={2}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </label>
        {text !== null && (
          <textarea
            className="input team-textarea team-textarea--note"
            rows={12}
            readOnly
            value={text}
            data-testid="handoff-note"
          />
        )}
        {error && <p className="team-error">{error}</p>}
        <div className="team-dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('team.handoff.close')}
          </button>
          {text !== null && (
            <button
              type="button"
              className="button"
              onClick={() =>
                void navigator.clipboard?.writeText(text).then(
                  () => setCopied(true),
                  () => undefined,
                )
              }
            >
              {copied ? t('team.handoff.copied') : t('team.handoff.copy')}
            </button>
          )}
          <button type="button" className="button button--primary" onClick={() => void generate()}>
            {t('team.handoff.generate')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
