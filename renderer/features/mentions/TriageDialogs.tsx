import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Dialog, Field } from '../crisis/Dialog';
import { useCrisisStore } from '../crisis/store';
import { useCellNames } from '../crisis/useCellNames';
import { assign, route } from './triage-actions';

/** Assign to a member: the local member by default; the cell and colleagues already assigned offered. */
export function AssignDialog({ ids, onClose }: { ids: string[]; onClose(): void }) {
  const { t } = useTranslation();
  const local = useCrisisStore((s) => s.state?.localActor ?? '');
  const [member, setMember] = useState(local);
  const [known, setKnown] = useState<string[]>([]);
  const cell = useCellNames();
  useEffect(() => {
    void api
      .call('mentions.facets', {})
      .then((r) => setKnown(r.assignees))
      .catch(() => undefined);
  }, []);
  return (
    <Dialog
      title={t('crisis.triage.assignTitle', { count: ids.length })}
      testId="assign-dialog"
      onClose={onClose}
      onSubmit={() => void assign(ids, member.trim() || null).then((ok) => ok && onClose())}
      submitLabel={member.trim() ? t('crisis.triage.assign') : t('crisis.triage.unassign')}
    >
      <Field label={t('crisis.triage.member')} hint={t('crisis.triage.memberHint')}>
        <input
          className="input"
          value={member}
          maxLength={200}
          autoFocus
          list="triage-members"
          data-testid="assign-member"
          onFocus={(e) => e.target.select()}
          onChange={(e) => setMember(e.target.value)}
        />
        <datalist id="triage-members">
          {[...new Set([local, ...cell, ...known])].filter(Boolean).map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      </Field>
    </Dialog>
  );
}

/** Route to a service with a note. Digits pick the service (1 to 9), Enter sends. */
export function RouteDialog({ ids, onClose }: { ids: string[]; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const services = useCrisisStore((s) => s.catalog?.services ?? []);
  const [service, setService] = useState(services[0]?.id ?? '');
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLInputElement>(null);
  const optionRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const en = i18n.language.startsWith('en');
  // Arrows move the choice and the focus together (a radio group); a digit picks a service and
  // hands the keyboard to the note, so "r 2 note Enter" routes to service 2 with its note.
  const pick = (index: number, then: 'option' | 'note') => {
    const s = services[index];
    if (!s) return;
    setService(s.id);
    (then === 'note' ? noteRef.current : optionRefs.current[index])?.focus();
  };
  return (
    <Dialog
      title={t('crisis.triage.routeTitle', { count: ids.length })}
      testId="route-dialog"
      onClose={onClose}
      onSubmit={() => void route(ids, service, note.trim()).then((ok) => ok && onClose())}
      submitLabel={t('crisis.triage.route')}
      submitDisabled={!service}
    >
      <div
        className="service-picker"
        role="radiogroup"
        aria-label={t('crisis.triage.service')}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            e.currentTarget.closest('form')?.requestSubmit();
            return;
          }
          const n = Number(e.key);
          if (Number.isInteger(n) && n >= 1 && services[n - 1]) {
            e.preventDefault();
            pick(n - 1, 'note');
            return;
          }
          const at = services.findIndex((x) => x.id === service);
          const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
          if (step !== undefined) {
            e.preventDefault();
            pick((at + step + services.length) % services.length, 'option');
          }
        }}
      >
        {services.map((s, i) => (
          <button
            key={s.id}
            type="button"
            role="radio"
            aria-checked={service === s.id}
            className="service-picker__option"
            data-testid={`route-service-${s.id}`}
            autoFocus={i === 0}
            ref={(el) => {
              optionRefs.current[i] = el;
            }}
            tabIndex={service === s.id ? 0 : -1}
            onClick={() => setService(s.id)}
          >
            <kbd>{i + 1}</kbd> {en ? s.label.en : s.label.fr}
          </button>
        ))}
      </div>
      <Field label={t('crisis.triage.note')}>
        <input
          className="input"
          value={note}
          maxLength={2000}
          data-testid="route-note"
          ref={noteRef}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
    </Dialog>
  );
}
