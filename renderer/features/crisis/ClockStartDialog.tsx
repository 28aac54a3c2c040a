import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockView } from '../../../shared/crisis-model';
import { DateFields } from '../shell/DateFields';
import { Dialog, Field } from './Dialog';
import { useCrisisStore } from './store';
import { useIncidentNow } from './useIncidentNow';

/** The DateFields value ("2026-11-29T14:05") of a time, in the local zone. */
function toLocalInput(at: number): string {
  const d = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** A legal clock counts from the moment of awareness, which may be earlier than now. */
export function ClockStartDialog({
  incidentId,
  clock,
  onClose,
}: {
  incidentId: string;
  clock: ClockView;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const act = useCrisisStore((s) => s.act);
  const now = useIncidentNow();
  const [value, setValue] = useState(() => toLocalInput(now));
  const [note, setNote] = useState('');
  // "" while the fields are incomplete: NaN, so not valid.
  const startedAt = value ? new Date(value).getTime() : Number.NaN;
  const valid = Number.isFinite(startedAt) && startedAt <= now + 60_000;
  const submit = async () => {
    const ok = await act(
      'clocks.start',
      { incidentId, clockId: clock.clockId, startedAt: Math.min(startedAt, now), note: note.trim() },
      'crisis.notice.clockStarted',
    );
    if (ok) onClose();
  };
  return (
    <Dialog
      title={i18n.language.startsWith('en') ? clock.label.en : clock.label.fr}
      testId="clock-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('crisis.checklist.startClock')}
      submitDisabled={!valid}
    >
      <Field label={t('crisis.checklist.awareness')} hint={t('crisis.checklist.awarenessHint')}>
        <DateFields
          value={value}
          withTime
          label={t('crisis.checklist.awareness')}
          invalid={!valid}
          autoFocus
          testId="clock-awareness"
          onChange={setValue}
        />
      </Field>
      <Field label={t('crisis.checklist.commentOptional')}>
        <input className="input" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </Field>
    </Dialog>
  );
}
