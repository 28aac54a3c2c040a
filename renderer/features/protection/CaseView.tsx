import type { CaseDetail } from '../../../shared/team-model';
import { useTicker } from '../team/useTicker';
import { AllClearPrompt } from './AllClearPrompt';
import { CaseActions } from './CaseActions';
import { CaseHeader } from './CaseHeader';
import { CaseLog } from './CaseLog';
import { CooldownCard } from './CooldownCard';
import { DelegatePicker } from './DelegatePicker';
import { EvidenceCard } from './EvidenceCard';
import { StepList } from './StepList';
import { useProtectionStore } from './store';
import { WatchCard } from './WatchCard';

/** One protection case: countdown, watch of the person's mentions, playbook steps, evidence, log. */
export function CaseView({ c }: { c: CaseDetail }) {
  const detailAt = useProtectionStore((s) => s.detailAt);
  const pageNow = useTicker(1000);
  // The core's clock when the detail came, moved on by the page's clock since: one "now" for both cards.
  const now = c.now + Math.max(0, pageNow - detailAt);
  return (
    <article className="case-view" data-testid="case-view" data-case={c.id} aria-labelledby="case-title">
      <CaseHeader c={c} />
      {c.status === 'all_clear_suggested' && <AllClearPrompt id={c.id} />}
      <div className="case-view__cards">
        <CooldownCard c={c} now={now} />
        <WatchCard c={c} now={now} />
        <EvidenceCard c={c} />
      </div>
      <DelegatePicker c={c} />
      <StepList c={c} />
      <CaseLog events={c.events} />
      <CaseActions id={c.id} closed={c.status === 'closed'} />
    </article>
  );
}
