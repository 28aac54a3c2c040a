import { useTranslation } from 'react-i18next';
import type { LoadView } from '../../../shared/team-model';
import { useFormat } from '../../lib/format';
import { usePick } from './labels';

/** Every part of the load score with its points and the sentence that explains it: no black box. */
export function LoadBreakdown({ load }: { load: LoadView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pick = usePick();
  return (
    <div className="load-parts" data-testid="load-parts">
      <table>
        <tbody>
          {load.parts.map((p) => (
            <tr key={p.key} data-part={p.key}>
              <th scope="row">{t(`team.load.part.${p.key}`)}</th>
              <td className="load-parts__points">
                {t('team.load.points', { points: f.decimal(p.contribution) })}
              </td>
              <td className="load-parts__why">{pick({ fr: p.explanation_fr, en: p.explanation_en })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="load-parts__formula">{t('team.load.formula')}</p>
    </div>
  );
}
