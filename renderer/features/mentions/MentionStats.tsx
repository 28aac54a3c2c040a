import { useTranslation } from 'react-i18next';
import type { Mention } from '../../../shared/model';
import { useFormat } from '../../lib/format';

function Icon({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" className="stat__icon">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}

const HEART = 'M8 13.5S2 10 2 5.8A3 3 0 0 1 8 4.3a3 3 0 0 1 6 1.5C14 10 8 13.5 8 13.5Z';
const SHARE = 'M3 6.5h8.5L9 4M13 9.5H4.5L7 12';
const REACH =
  'M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8Zm6.5 2a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z';

/** Likes, shares, reach; compact numbers, exact values in the tooltip. */
export function MentionStats({ mention }: { mention: Mention }) {
  const { t } = useTranslation();
  const f = useFormat();
  const stats = [
    { id: 'likes', icon: HEART, value: mention.likes, label: t('feed.likes') },
    { id: 'shares', icon: SHARE, value: mention.shares, label: t('feed.shares') },
    { id: 'reach', icon: REACH, value: mention.reach, label: t('feed.reach') },
  ];
  return (
    <span className="mention__stats">
      {stats.map((s) => (
        <span
          key={s.id}
          className="stat"
          title={t('feed.stat', { label: s.label, value: f.integer(s.value) })}
          data-stat={s.id}
        >
          <Icon path={s.icon} />
          <span className="visually-hidden">{s.label}</span>
          {f.compact(s.value)}
        </span>
      ))}
    </span>
  );
}
