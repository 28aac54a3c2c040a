import { useTranslation } from 'react-i18next';
import { MentionFeed } from '../mentions/MentionFeed';
import { Timeline } from '../timeline/Timeline';
import { CountersStrip } from './CountersStrip';
import { Header } from './Header';
import { ReplayPanel } from './ReplayPanel';
import { useWarroomStore } from './store';
import { useWarroomLive } from './useWarroomLive';
import './warroom.css';

/** The war-room screen: header, counters and replay, then the timeline beside the live feed. */
export function WarRoom() {
  useWarroomLive();
  return (
    <div className="warroom" data-testid="warroom">
      <Header />
      <WarRoomBody />
    </div>
  );
}

function WarRoomBody() {
  const { t } = useTranslation();
  const incident = useWarroomStore((s) => s.incident);
  if (incident === undefined) {
    return (
      <main className="warroom__state" data-testid="loading">
        {t('app.loading')}
      </main>
    );
  }
  if (incident === null) {
    return (
      <main className="warroom__state">
        <p className="warroom__state-title">{t('incident.none')}</p>
        <p>{t('incident.noneHint')}</p>
      </main>
    );
  }
  return (
    <main className="warroom__body">
      <div className="warroom__kpis">
        <CountersStrip />
        <ReplayPanel />
      </div>
      {/* Panels of other features go in these slots, one line each (crisis, analysis, team). */}
      <div className="warroom__main">
        <Timeline />
        <MentionFeed />
      </div>
    </main>
  );
}
