// The app's screens, in rail order. Adding a screen is one entry here (plus its label in i18n/fr.ts
// and i18n/en.ts under `nav`).
import type { ComponentType } from 'react';
import { SourcesScreen } from '../sources/SourcesScreen';
import { teamScreen } from '../team/screen';
import { reportScreen } from '../report/screen';
import { WarRoom } from '../warroom/WarRoom';
import { SourcesIcon, WarRoomIcon } from './icons';

export interface ScreenSpec {
  /** Also the URL hash: #/sources. */
  id: string;
  /** i18n key of the rail label. */
  label: string;
  icon: ComponentType;
  component: ComponentType;
}

export const SCREENS: readonly ScreenSpec[] = [
  { id: 'warroom', label: 'nav.warroom', icon: WarRoomIcon, component: WarRoom },
  { id: 'sources', label: 'nav.sources', icon: SourcesIcon, component: SourcesScreen },
  teamScreen,
  reportScreen,
];

export const DEFAULT_SCREEN = SCREENS[0]!.id;
