import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Dialog } from './Dialog';
import { useTeamStore } from './store';

const SCALES = ['mental', 'physical', 'temporal', 'performance', 'effort', 'frustration'] as const;
type Scale = (typeof SCALES)[number];

/** Raw NASA-TLX: six 0–100 sliders, answered in under 30 seconds. */
export function TlxDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const act = useTeamStore((s) => s.act);
  const [values, setValues] = useState<Record<Scale, number>>({
    mental: 50,
    physical: 50,
    temporal: 50,
    performance: 50,
    effort: 50,
    frustration: 50,
  });
  return (
    <Dialog title={t('team.tlx.title')} onClose={onClose} testId="tlx-dialog">
      <form
        className="tlx-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => api.call('team.tlx.submit', values)).then((ok) => ok && onClose());
        }}
      >
        <p className="team-hint">{t('team.tlx.hint')}</p>
        {SCALES.map((s) => (
          <label key={s} className="tlx-form__row">
            <span>{t(`team.tlx.scale.${s}`)}</span>
            <input
              type="range"
              min={0}
              max={100}
              step={5}
              value={values[s]}
              data-scale={s}
              onChange={(e) => setValues((v) => ({ ...v, [s]: Number(e.target.value) }))}
            />
            <output>{values[s]}</output>
          </label>
        ))}
        <div className="team-dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('team.tlx.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('team.tlx.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
