import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { TestState } from './connection-test';
import { testFailureKind } from './status';
import { TechnicalDetail } from './TechnicalDetail';

/** The test button and its result, read out politely: a test takes a while and must not steal the focus. */
export function ConnectionTest({ test, onRun }: { test: TestState; onRun(): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="test-box">
      <button
        type="button"
        className="button"
        data-testid="source-test"
        disabled={test.state === 'running'}
        onClick={() => onRun()}
      >
        {test.state === 'running' ? t('sources.test.running') : t('sources.test.button')}
      </button>
      <div className="test-box__result" role="status" aria-live="polite">
        {test.state === 'done' && (
          <div
            className={`test-result test-result--${test.ok ? 'ok' : 'failed'}`}
            data-testid="source-test-result"
            data-ok={String(test.ok)}
          >
            <p className="test-result__text">
              {test.ok
                ? t('sources.test.ok', { count: test.sample, formatted: f.integer(test.sample) })
                : t(`sources.test.failed.${testFailureKind(test.message)}`)}
            </p>
            {test.tokenUnsaved && <p className="field__hint">{t('sources.test.tokenUnsaved')}</p>}
            {!test.ok && <TechnicalDetail text={test.message} />}
          </div>
        )}
      </div>
    </div>
  );
}
