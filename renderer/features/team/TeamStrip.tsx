import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useProtectionStore } from '../protection/store';
import { ensureTeamBackground } from './background';
import { useFormat } from '../../lib/format';
import { STATE_TONE } from './labels';
import type { MemberView } from '../../../shared/team-model';
import { shortDuration } from './duration';
import { timerText } from './MemberCard';
import { useTeamStore } from './store';
import { Toasts } from './Toasts';
import { useTicker } from './useTicker';
import './team.css';

ensureTeamBackground();

/** The shell follows the URL hash (importing its store here would loop through the screen list). */
function goToTeam(): void {
  window.location.hash = '/team';
}

/** 45 s, 4 min, 1 h 05: no seconds once it is minutes (the card has the exact countdown). */
function minutesOnly(ms: number): string {
  return ms < 60_000
    ? shortDuration(ms)
    : shortDuration(Math.ceil(ms / 60_000) * 60_000).replace(/ 00 s$/, '');
}

/** Two or three words for a chip: the countdown while working, the state otherwise. */
function chipText(
  t: (k: string, o?: Record<string, unknown>) => string,
  m: MemberView,
  elapsed: number,
): string {
  const tm = m.timer;
  if (tm.state === 'working' && tm.dueInMs !== null)
    return t('team.strip.in', { time: minutesOnly(Math.max(0, tm.dueInMs - elapsed)) });
  return t(`team.strip.state.${tm.state}`);
}

/** The war-room's compact team strip: each member's state, timer and load; entry to "go private". */
export function TeamStrip() {
  const { t } = useTranslation();
  const f = useFormat();
  const board = useTeamStore((s) => s.board);
  const receivedAt = useTeamStore((s) => s.receivedAt);
  const cases = useProtectionStore((s) => s.cases);
  const pageNow = useTicker(1000);
  useEffect(() => {
    void useTeamStore.getState().load();
    useProtectionStore.getState().startLive();
  }, []);
  if (!board || board.members.length === 0) return null;
  const elapsed = Math.max(0, pageNow - receivedAt);
  const openCases = cases.filter((c) => c.status !== 'closed').length;
  return (
    <section className="team-strip" aria-label={t('team.strip.label')} data-testid="team-strip">
      <h2 className="team-strip__title">{t('team.strip.label')}</h2>
      <ul className="team-strip__list">
        {board.members.map((m) => {
          const tone = STATE_TONE[m.timer.state] ?? 'muted';
          return (
            <li key={m.id} data-testid="team-chip" data-member={m.displayName} data-state={m.timer.state}>
              <button
                type="button"
                className={`team-chip team-chip--${tone}`}
                title={`${m.displayName} — ${timerText(t, m, elapsed)}`}
                onClick={() => {
                  useProtectionStore.getState().setTab('board');
                  goToTeam();
                }}
              >
                <span className="team-chip__dot" aria-hidden="true" />
                <span className="team-chip__name">{m.signature}</span>
                <span className="team-chip__timer">{chipText(t, m, elapsed)}</span>
                <span className={`load-score load-score--small load-score--${m.load.band}`}>
                  {f.decimal(m.load.score)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <div className="team-strip__actions">
        {openCases > 0 && (
          <span className="team-strip__cases">{t('team.strip.cases', { count: openCases })}</span>
        )}
        <button
          type="button"
          className="button"
          data-testid="strip-protect"
          onClick={() => {
            useProtectionStore.getState().startNew();
            goToTeam();
          }}
        >
          {t('team.strip.protect')}
        </button>
      </div>
      <Toasts />
    </section>
  );
}
