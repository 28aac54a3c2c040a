// The team screen as the shell's rail lists it (one entry in shell/screens.tsx).
import { TeamIcon } from './TeamIcon';
import { TeamScreen } from './TeamScreen';

export const teamScreen = { id: 'team', label: 'team.nav', icon: TeamIcon, component: TeamScreen } as const;
