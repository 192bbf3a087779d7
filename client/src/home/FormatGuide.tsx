/** What a format is for, when it fits, how long its steps take and what it leaves the group: from the format's own data. */
import type { Locale } from '../../../shared/api';
import type { Format } from '../../../shared/formats/schema';
import { formatMinutes } from '../../../shared/formats/schema';
import { formatDuration } from '../../../shared/text/dates';
import { useI18n } from '../i18n';

export function FormatGuide({ format }: { format: Format }) {
  const { t, locale } = useI18n();
  const text = (key: 'goal' | 'when' | 'result') => format[key][locale as Locale];
  return (
    <dl className="format-guide" data-format={format.id} aria-label={format.shortTitle[locale]}>
      <dt>{t('formatGoal')}</dt>
      <dd>{text('goal')}</dd>
      <dt>{t('formatWhen')}</dt>
      <dd>{text('when')}</dd>
      <dt>{t('formatLength')}</dt>
      <dd>{formatDuration(formatMinutes(format), locale)}</dd>
      <dt>{t('formatResult')}</dt>
      <dd>{text('result')}</dd>
    </dl>
  );
}
