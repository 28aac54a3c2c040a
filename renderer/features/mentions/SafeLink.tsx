import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayDomain } from '../../lib/url';
import { Dialog } from '../crisis/Dialog';

/**
 * A mention's link never opens on a click: the full address is shown first, then it opens outside
 * Vigie (Electron hands http(s) to the system browser; a browser opens a new tab without opener).
 */
export function SafeLink({ url, compact }: { url: string; compact?: boolean }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const domain = displayDomain(url);
  if (!domain) return null;
  return (
    <>
      <button
        type="button"
        className={compact ? 'safe-link safe-link--compact' : 'safe-link'}
        data-testid="safe-link"
        title={t('crisis.link.open')}
        onClick={(e) => {
          e.stopPropagation();
          setConfirming(true);
        }}
      >
        {domain} ↗
      </button>
      {confirming && (
        <Dialog
          title={t('crisis.link.title')}
          testId="link-dialog"
          onClose={() => setConfirming(false)}
          onSubmit={() => {
            window.open(url, '_blank', 'noopener,noreferrer');
            setConfirming(false);
          }}
          submitLabel={t('crisis.link.confirm')}
        >
          <p className="crisis-dialog__text">{t('crisis.link.warning')}</p>
          <p className="link-dialog__url" data-testid="link-url">
            {url}
          </p>
        </Dialog>
      )}
    </>
  );
}
