import { useTranslation } from 'react-i18next';
import { AnalysisPanel } from '../analysis/AnalysisPanel';
import { CrisisKpis } from '../crisis/CrisisKpis';
import { CrisisPanel } from '../crisis/CrisisPanel';
import { EventLog } from '../crisis/EventLog';
import { IncidentBar } from '../crisis/IncidentBar';
import { NoticeBar } from '../crisis/NoticeBar';
import { useCrisisLive } from '../crisis/useCrisisLive';
import { MentionFeed } from '../mentions/MentionFeed';
import { TeamStrip } from '../team/TeamStrip';
import { Timeline } from '../timeline/Timeline';
import { CountersStrip } from './CountersStrip';
import { Header } from './Header';
import { ReplayPanel } from './ReplayPanel';
import { useWarroomStore } from './store';
import { useWarroomLive } from './useWarroomLive';
import { useWallMode } from './useWallMode';
import './warroom.css';
import '../crisis/crisis.css';
import './half-screen.css';

/**
 * The war-room screen: header and incident bar; counters, the cell's headline numbers and the replay;
 * then three columns — timeline over the event log, the live feed, the crisis panel (checklist,
 * statements, roles). Fits 1366×768; the wall mode (dark, high contrast, larger type) suits a screen
 * on the wall.
 */
export function WarRoom() {
  useWarroomLive();
  useCrisisLive();
  const wall = useWallMode();
  return (
    <div className={wall.on ? 'warroom warroom--wall' : 'warroom'} data-testid="warroom" data-wall={wall.on}>
      <Header wall={wall} />
      <IncidentBar />
      <WarRoomBody />
      <NoticeBar />
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
        <CrisisKpis />
        <ReplayPanel />
      </div>
      {/* Panels of other features go in these slots, one line each (crisis, analysis, team). */}
      <AnalysisPanel />
      <TeamStrip />
      <div className="warroom__main">
        <div className="warroom__column warroom__column--time">
          <Timeline />
          <EventLog />
        </div>
        <MentionFeed />
        <CrisisPanel />
      </div>
    </main>
  );
}
