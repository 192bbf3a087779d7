/** The run sheet's top bar: the way in (QR, links), the room's screen, the meeting's papers and the bin. */
import { useI18n } from '../i18n';
import { JoinQrButton, ProjectorButton } from '../people/JoinQr';
import { ExportButton } from '../export/ExportDialog';
import { ReportButton } from '../export/ReportDialog';
import { BinButton } from './BinDialog';
import { LanguageSwitch } from '../people/LanguageSwitch';
import { LinksButton } from '../people/LinksDialog';
import { InvitationsButton } from '../people/InvitationsDialog';

export function RunSheetTopBar() {
  const { t } = useI18n();
  return (
    <nav className="run-sheet-top" aria-label={t('runSheetTop')}>
      <LinksButton />
      <JoinQrButton />
      <InvitationsButton />
      <ProjectorButton />
      <ExportButton />
      <ReportButton />
      <BinButton />
      <LanguageSwitch />
    </nav>
  );
}
