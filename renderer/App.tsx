import { WarRoom } from './features/warroom/WarRoom';

export function App() {
  return <WarRoom />;
}
