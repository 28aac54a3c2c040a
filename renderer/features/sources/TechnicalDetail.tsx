import { useTranslation } from 'react-i18next';

/**
 * The core's own message (written in English), folded away: the screen speaks the interface's
 * language, the exact wording stays one click away for support.
 */
export function TechnicalDetail({ text, testId }: { text: string; testId?: string }) {
  const { t } = useTranslation();
  if (!text) return null;
  return (
    <details className="tech" data-testid={testId}>
      <summary className="tech__summary">{t('sources.technical')}</summary>
      <code className="tech__text" lang="en">
        {text}
      </code>
    </details>
  );
}
