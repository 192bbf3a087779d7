/**
 * The board's four links, each with one line on what its role may do (the facilitator's to be
 * kept private), copy and open, and a QR code beside the participants' link.
 */
import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { ROLES, type Role } from '../../../shared/roles';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';

export const ROLE_LABEL: Record<Role, MessageKey> = {
  facilitator: 'roleFacilitator',
  expert: 'roleExpert',
  participant: 'roleParticipant',
  observer: 'roleObserver',
};

const ROLE_HELP: Record<Role, MessageKey> = {
  facilitator: 'roleFacilitatorHelp',
  expert: 'roleExpertHelp',
  participant: 'roleParticipantHelp',
  observer: 'roleObserverHelp',
};

export function RoleLinkList({ links }: { links: Record<Role, string> }) {
  return (
    <ul className="links">
      {ROLES.map((role) => (
        <RoleLink key={role} role={role} href={links[role]} />
      ))}
    </ul>
  );
}

function RoleLink({ role, href }: { role: Role; href: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const label = t(ROLE_LABEL[role]);
  const helpId = `link-help-${role}`;
  const copy = async () => {
    await navigator.clipboard?.writeText(href);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <li data-role={role}>
      <span className="role">{label}</span>
      <input readOnly value={href} aria-label={label} aria-describedby={helpId} onFocus={(e) => e.target.select()} />
      <button type="button" aria-label={`${t('copy')}: ${label}`} onClick={() => void copy()}>
        {copied ? t('copied') : t('copy')}
      </button>
      <a href={href} target="_blank" rel="noopener" aria-label={`${t('open')}: ${label}`}>
        {t('open')}
      </a>
      <p id={helpId} className={`link-help${role === 'facilitator' ? ' warning' : ''}`}>
        {t(ROLE_HELP[role])}
      </p>
      {role === 'participant' && <LinkQr href={href} />}
    </li>
  );
}

function LinkQr({ href }: { href: string }) {
  const { t } = useI18n();
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let current = true;
    void QRCode.toString(href, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then((made) => current && setSvg(made));
    return () => {
      current = false;
    };
  }, [href]);
  // The SVG is made here from the link alone, by the qrcode library.
  return <div className="link-qr" role="img" aria-label={t('qrHeading')} dangerouslySetInnerHTML={{ __html: svg }} />;
}
