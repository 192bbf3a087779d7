/**
 * On a network meeting's board, for hosts: the network's barometer questions, each asked in one
 * click as an ordinary poll (answered, shown and closed as any poll). The network's page follows
 * their counts from meeting to meeting.
 */
import { useBoardTools, useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { BAROMETER, barometerPoll } from '../../../shared/network/barometer';
import type { Locale } from '../../../shared/api';

export function BarometerCard() {
  const { t } = useI18n();
  const { setSession } = useBoardTools();
  const network = useSessionField<unknown>('network');
  const boardLocale: Locale = useSessionField<string>('locale') === 'en' ? 'en' : 'pl';
  const currentStepId = useSessionField<string | null>('currentStepId') ?? null;
  if (!network) return null;
  return (
    <section className="barometer-card" aria-labelledby="barometer-heading">
      <h3 id="barometer-heading">{t('barometerHeading')}</h3>
      <p className="hint">{t('barometerHelp')}</p>
      <ul className="barometer-ask">
        {BAROMETER.map((template) => (
          <li key={template.id}>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                const poll = barometerPoll(template.id, boardLocale, crypto.randomUUID().replace(/-/g, ''), currentStepId);
                if (poll) setSession('poll', poll);
              }}
            >
              {t('barometerAsk')}: {template.question[boardLocale]}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
