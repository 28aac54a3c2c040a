import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../../shared/team-model';
import { api } from '../../api';
import { HandoffDialog } from './HandoffDialog';
import { MemberCard } from './MemberCard';
import { MemberForm } from './MemberForm';
import { useTeamStore } from './store';
import { TimerSettings } from './TimerSettings';
import { TlxDialog } from './TlxDialog';
import { useTicker } from './useTicker';

/** Every member: timer, load and state at a glance; the lead sees overdue breaks on top. */
export function TeamBoard() {
  const { t } = useTranslation();
  const board = useTeamStore((s) => s.board);
  const receivedAt = useTeamStore((s) => s.receivedAt);
  const act = useTeamStore((s) => s.act);
  const pageNow = useTicker(1000);
  const [handoff, setHandoff] = useState<MemberView | null>(null);
  const [adding, setAdding] = useState(false);
  const [tlx, setTlx] = useState(false);
  const [permission, setPermission] = useState(() =>
    typeof Notification === 'undefined' ? 'denied' : Notification.permission,
  );
  if (!board) return <p className="team-empty">{t('app.loading')}</p>;
  const elapsed = Math.max(0, pageNow - receivedAt);
  const local = board.members.find((m) => m.id === board.localMemberId) ?? null;
  const leadView = local === null || local.role === 'lead';
  const overdue = board.members.filter((m) => m.timer.state === 'overdue');

  return (
    <div className="team-board" data-testid="team-board">
      <div className="team-board__bar">
        <TimerSettings config={board.config} />
        <div className="team-board__tools">
          {permission === 'default' && (
            <button
              type="button"
              className="button"
              onClick={() => void Notification.requestPermission().then(setPermission)}
            >
              {t('team.notify.enable')}
            </button>
          )}
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('team.member.add')}
          </button>
        </div>
      </div>
      {leadView && overdue.length > 0 && (
        <p className="team-alert" role="alert" data-testid="lead-overdue">
          {t('team.leadAlert', { names: overdue.map((m) => m.displayName).join(', ') })}
        </p>
      )}
      {local?.tlxPromptDue && (
        <div className="team-prompt" data-testid="tlx-prompt">
          <span>{t('team.tlx.prompt')}</span>
          <button type="button" className="button button--primary" onClick={() => setTlx(true)}>
            {t('team.tlx.open')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void act(() => api.call('team.tlx.dismiss', {}))}
          >
            {t('team.tlx.later')}
          </button>
        </div>
      )}
      {board.members.length === 0 ? (
        <div className="team-empty">
          <p>{t('team.empty')}</p>
          <p>{t('team.emptyHint')}</p>
        </div>
      ) : (
        <div className="team-board__grid">
          {board.members.map((m) => (
            <MemberCard key={m.id} member={m} elapsed={elapsed} leadView={leadView} onHandoff={setHandoff} />
          ))}
        </div>
      )}
      {handoff && <HandoffDialog member={handoff} onClose={() => setHandoff(null)} />}
      {adding && <MemberForm onClose={() => setAdding(false)} />}
      {tlx && <TlxDialog onClose={() => setTlx(false)} />}
    </div>
  );
}
