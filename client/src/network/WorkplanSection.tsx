/** The network page's work plan: as it stands, with its exports (.docx, .md). */
import type { Locale } from '../../../shared/api';
import { useI18n } from '../i18n';
import { planBlocks, type PlanSnapshot } from '../../../shared/network/workplan';
import { formatDate } from '../../../shared/text/dates';
import { HostFileLink } from '../export/HostFileLink';

export function WorkplanSection({ plan, locale, networkId, token }: { plan: PlanSnapshot; locale: Locale; networkId: string; token: string }) {
  const { t } = useI18n();
  const blocks = planBlocks(plan, locale, formatDate(plan.asOf, locale));
  return (
    <section className="card" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{blocks.title}</h2>
      <p className="hint">{t('planHelp')}</p>
      {blocks.empty && <p>{blocks.empty}</p>}
      {blocks.blocks.map((block) => (
        <div key={block.heading} className="plan-block">
          <h3>{block.heading}</h3>
          <ul>
            {block.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </div>
      ))}
      <div className="row wrap">
        <HostFileLink path={`/api/networks/${networkId}/workplan.docx`} token={token} className="button secondary">
          {t('planDocx')}
        </HostFileLink>
        <HostFileLink path={`/api/networks/${networkId}/workplan.md`} token={token} className="button secondary">
          {t('planMd')}
        </HostFileLink>
      </div>
    </section>
  );
}
