/** Who is on the board, with their role; hosts are marked, and anyone can follow a host. */
import { useEffect, useState } from 'react';
import { isHost } from '../../../shared/roles';
import { peopleOf } from '../sync/presence';
import { useBoardTools, useCanvasAwareness } from '../board/BoardContext';
import { useI18n } from '../i18n';

export function PresenceList() {
  const { t } = useI18n();
  const { editor } = useBoardTools();
  const awareness = useCanvasAwareness();
  const [people, setPeople] = useState(() => peopleOf(awareness));
  useEffect(() => {
    setPeople(peopleOf(awareness));
    const update = () => setPeople(peopleOf(awareness));
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return (
    <section aria-labelledby="people-heading" className="people">
      <h3 id="people-heading">
        {t('people')} ({people.length})
      </h3>
      <p className="hint" data-testid="shared-link-count">
        {t('sharedLinkCount').replace('{count}', String(people.filter((p) => p.shared && p.role === 'participant').length))}
      </p>
      <ul>
        {people.map(({ clientId, person, role, self }) => (
          <li key={clientId} data-role={role} className={role && isHost(role) ? 'is-host' : ''}>
            <span className="swatch" style={{ background: person.color }} aria-hidden="true" />
            <span>
              {person.name}
              {person.city && <span className="city"> · {person.city}</span>}
              {role && isHost(role) && <strong className="host-mark"> ({t('host')})</strong>}
              {self && <em> — {t('you')}</em>}
            </span>
            {!self && role && isHost(role) && (
              <button type="button" className="link" onClick={() => editor.startFollowingUser(String(clientId))}>
                {t('followHost')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
