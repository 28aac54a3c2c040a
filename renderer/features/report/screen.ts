// The review screen as the shell's rail lists it (one entry in shell/screens.tsx).
import { ReportIcon } from './ReportIcon';
import { ReportScreen } from './ReportScreen';

export const reportScreen = {
  id: 'report',
  label: 'report.nav',
  icon: ReportIcon,
  component: ReportScreen,
} as const;
