import { Shell } from './features/shell/Shell';

export function App() {
  return <Shell />;
}
