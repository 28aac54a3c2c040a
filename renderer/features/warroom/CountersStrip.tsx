import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useWarroomStore } from './store';

interface TileProps {
  id: string;
  label: string;
  hint: string;
  value: string | null;
  raw: number | null;
  full?: string;
}

function CounterTile({ id, label, hint, value, raw, full }: TileProps) {
  return (
    <div className="counter" data-testid={`counter-${id}`} data-value={raw ?? ''}>
      <span className="counter__label" title={`${label} — ${hint}`}>
        {label}
      </span>
      <span className="counter__value" title={full}>
        {value ?? '—'}
      </span>
      <span className="counter__hint">{hint}</span>
    </div>
  );
}

export function CountersStrip() {
  const { t } = useTranslation();
  const f = useFormat();
  const c = useWarroomStore((s) => s.counters);
  return (
    <section className="counters" aria-label={t('counters.label')}>
      <CounterTile
        id="total"
        label={t('counters.total')}
        hint={t('counters.totalHint')}
        value={c && f.integer(c.total)}
        raw={c?.total ?? null}
      />
      <CounterTile
        id="last-hour"
        label={t('counters.lastHour')}
        hint={t('counters.lastHourHint')}
        value={c && f.integer(c.lastHour)}
        raw={c?.lastHour ?? null}
      />
      <CounterTile
        id="per-minute"
        label={t('counters.perMinute')}
        hint={t('counters.perMinuteHint')}
        value={c && f.decimal(c.perMinute)}
        raw={c?.perMinute ?? null}
      />
      <CounterTile
        id="reach"
        label={t('counters.reach')}
        hint={t('counters.reachHint')}
        value={c && f.compact(c.reach)}
        raw={c?.reach ?? null}
        full={c ? f.integer(c.reach) : undefined}
      />
    </section>
  );
}
