import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useWarroomStore } from './store';

const SPEEDS = [60, 360, 720, 1440, 3600];

function PauseIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <rect x="3" y="2" width="3.5" height="12" rx="1" fill="currentColor" />
      <rect x="9.5" y="2" width="3.5" height="12" rx="1" fill="currentColor" />
    </svg>
  );
}

function PlayIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path
        d="M4 2.2v11.6a.8.8 0 0 0 1.2.7l9.3-5.8a.8.8 0 0 0 0-1.4L5.2 1.5A.8.8 0 0 0 4 2.2Z"
        fill="currentColor"
      />
    </svg>
  );
}

/** The demo replay: progress, simulated clock, pause/resume and speed. */
export function ReplayPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const replay = useWarroomStore((s) => s.replay);
  const control = useWarroomStore((s) => s.controlReplay);
  if (!replay) return null;
  const finished = replay.done >= replay.total;
  const ratio = replay.total > 0 ? replay.done / replay.total : 0;
  const speeds = SPEEDS.includes(replay.speed) ? SPEEDS : [...SPEEDS, replay.speed].sort((a, b) => a - b);
  const state = finished ? 'finished' : replay.running ? 'running' : 'paused';
  return (
    <section className="replay" aria-label={t('replay.title')} data-testid="replay-panel" data-state={state}>
      <div className="replay__head">
        <span className="replay__title">{t('replay.title')}</span>
        <span className={`replay__state replay__state--${state}`} data-testid="replay-state">
          {t(`replay.${state}`)}
        </span>
      </div>
      <div
        className="replay__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={replay.total}
        aria-valuenow={replay.done}
        aria-label={t('replay.title')}
      >
        <div className="replay__fill" style={{ width: `${(ratio * 100).toFixed(2)}%` }} />
      </div>
      <div className="replay__meta">
        <span className="replay__progress" data-testid="replay-progress" data-done={replay.done}>
          {t('replay.progress', { done: f.integer(replay.done), total: f.integer(replay.total) })}
        </span>
        <span className="replay__clock" data-testid="replay-clock">
          <span className="replay__clock-label">{finished ? t('replay.endedAt') : t('replay.clock')}</span>{' '}
          <time dateTime={new Date(replay.simulatedNow).toISOString()}>
            {f.dateTime(replay.simulatedNow)}
          </time>
        </span>
      </div>
      <div className="replay__controls">
        {!finished && (
          <button
            type="button"
            className="button button--icon"
            data-testid="replay-toggle"
            onClick={() => void control({ running: !replay.running })}
          >
            {replay.running ? <PauseIcon /> : <PlayIcon />}
            <span>{replay.running ? t('replay.pause') : t('replay.resume')}</span>
          </button>
        )}
        {!finished && (
          <label className="replay__speed">
            <span className="replay__speed-label">{t('replay.speed')}</span>
            <select
              className="select"
              value={replay.speed}
              title={t('replay.speed')}
              data-testid="replay-speed"
              onChange={(e) => void control({ speed: Number(e.target.value) })}
            >
              {speeds.map((s) => (
                <option key={s} value={s}>
                  {t('replay.speedValue', { speed: f.integer(s) })}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </section>
  );
}
