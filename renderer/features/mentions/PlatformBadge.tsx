import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../shared/model';
import { PLATFORM_COLORS } from '../../lib/platforms';

export function PlatformBadge({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  return (
    <span
      className="platform-badge"
      style={{ color: PLATFORM_COLORS[platform], borderColor: PLATFORM_COLORS[platform] }}
      data-platform={platform}
      data-testid="platform-badge"
    >
      {t(`platform.${platform}`)}
    </span>
  );
}
