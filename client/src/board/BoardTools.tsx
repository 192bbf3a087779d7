/** The board's own tools around the canvas, by role: hosts get the panel, everyone the step banner. */
import { useEffect } from 'react';
import { useBoardTools, useSessionField } from './BoardContext';
import { StepBanner } from '../steps/StepBanner';
import { HostPanelLoader } from '../steps/HostPanelLoader';
import { SummonWatcher } from '../steps/SummonWatcher';
import { PresenceList } from '../people/PresenceList';
import { VoteOverlay } from '../tools/Voting';
import { PrivateModeWatcher } from '../tools/PrivateMode';
import { LanguageSwitch } from '../people/LanguageSwitch';
import { PollCard } from '../tools/Polls';
import { useI18n } from '../i18n';
import { UpdateBanner } from './UpdateBanner';
import { CanvasHelpers, PhoneModeSwitch } from '../phone/PhoneLayer';
import { ProjectorJoin } from '../phone/ProjectorJoin';

/** `outdated`: the server runs a newer tldraw, so the board is read-only for everyone here. */
export function BoardToolsLayer({ outdated }: { outdated: boolean }) {
  const { t } = useI18n();
  const tools = useBoardTools();
  const locked = useSessionField<boolean>('canvasLocked') === true;
  // A closed meeting stays view-only for everyone but the hosts (the server refuses other writes).
  const closed = useSessionField<string>('closedAt') !== undefined;

  useEffect(() => {
    // Joining the attendance list (name and city as given); the server keeps no link to this id.
    if (tools.person && tools.role !== 'observer' && !tools.isProjector) void tools.request({ t: 'join', person: tools.personId, name: tools.person.name, city: tools.person.city });
  }, [tools]);

  useEffect(() => {
    const readOnly = outdated || (!tools.isHost && (locked || closed || tools.role === 'observer' || tools.isProjector));
    if (readOnly !== tools.editor.getIsReadonly()) tools.editor.updateInstanceState({ isReadonly: readOnly });
  }, [tools, locked, closed, outdated]);
  const update = outdated && <UpdateBanner />;

  if (tools.isProjector) {
    return (
      <>
        <div className="tools-top projector-top">
          {update}
          <StepBanner />
          <PollCard />
        </div>
        <VoteOverlay />
        <ProjectorJoin />
        <CanvasHelpers />
      </>
    );
  }
  if (tools.role === 'observer') {
    return (
      <div className="tools-top">
        {update}
        <p className="observer-label">{t('observerView')}</p>
        <StepBanner />
        <CanvasHelpers />
      </div>
    );
  }
  return (
    <>
      <div className="tools-top">
        {update}
        <PrivateModeWatcher />
        <StepBanner />
        {closed && (
          <p className="closed-label" role="status">
            {t('meetingEnded')}
          </p>
        )}
        {locked && !closed && !tools.isHost && <p className="locked-label">{t('boardLocked')}</p>}
        <PollCard />
      </div>
      <SummonWatcher />
      <VoteOverlay />
      <CanvasHelpers />
      {tools.isHost ? (
        <HostPanelLoader />
      ) : (
        <details className="people-popover">
          <summary>{t('people')}</summary>
          <PresenceList />
          <LanguageSwitch />
          <PhoneModeSwitch />
        </details>
      )}
    </>
  );
}
