/** The network page's barometer: each question's answers by meeting, as bars with their counts (never who). */
import type { NetworkView } from '../../../shared/network/network';
import { useI18n } from '../i18n';

export function BarometerChart({ series }: { series: NetworkView['barometer'] }) {
  const { t } = useI18n();
  if (series.length === 0) return null;
  return (
    <section className="card" aria-labelledby="barometer-chart-heading">
      <h2 id="barometer-chart-heading">{t('barometerHeading')}</h2>
      {series.map((s) => {
        const max = Math.max(1, ...s.meetings.flatMap((m) => m.counts));
        return (
          <figure key={s.templateId} className="barometer-chart">
            <figcaption>{s.question}</figcaption>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('meetingNumber')}</th>
                  {s.labels.map((label) => (
                    <th key={label} scope="col">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.meetings.map((m) => (
                  <tr key={m.number}>
                    <th scope="row">
                      {m.number} <span className="hint">({`${t('barometerAnswered')}: ${m.answered}`})</span>
                    </th>
                    {s.labels.map((label, i) => (
                      <td key={label}>
                        <span className="bar" style={{ width: `${((m.counts[i] ?? 0) / max) * 100}%` }} />
                        <span className="count">{m.counts[i] ?? 0}</span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        );
      })}
    </section>
  );
}
