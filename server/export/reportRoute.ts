/** GET /api/boards/{id}/report.docx|.csv|.json — the hosts' post-meeting report, for hosts only. */
import express, { type Request, type Response, type Router } from 'express';
import { roomName } from '../../shared/roles';
import { SESSION_MAP } from '../../shared/session';
import { buildHostReport } from '../../shared/report/hostReport';
import { hostReportCsv } from '../../shared/report/reportCsv';
import { REPORT_LABELS } from '../../shared/report/labels';
import { requireHost } from '../auth/hostAuth';
import { errorFields } from '../log';
import { meetingDay, readBoardDocument, sendDownload, summaryOf, type SummaryDeps } from './summaryRoute';
import { renderReportDocx } from './reportDocx';

export function reportRouter(deps: SummaryDeps): Router {
  const router = express.Router();
  router.get('/api/boards/:id/report.:ext', requireHost(deps.signer, deps.access), async (req: Request, res: Response) => {
    const id = res.locals.boardId as string;
    const ext = String(req.params.ext);
    if (!['docx', 'csv', 'json'].includes(ext)) {
      res.status(404).json({ error: 'no such report' });
      return;
    }
    try {
      const control = await readBoardDocument(deps, roomName(id, 'control'));
      const session = control.getMap(SESSION_MAP).toJSON() as Record<string, unknown>;
      // The board's language, whoever downloads it; `?lang=` may ask for the other.
      const locale = req.query.lang === 'en' || req.query.lang === 'pl' ? req.query.lang : session.locale === 'en' ? 'en' : 'pl';
      const formatId = typeof session.formatId === 'string' ? session.formatId : undefined;
      const report = buildHostReport({
        session,
        locale,
        formatTitle: formatId ? deps.formatTitle?.(formatId, locale) : undefined,
        steps: formatId ? deps.stepTitles?.(formatId, locale) : undefined,
        summary: await summaryOf(deps, id, locale),
      });
      const name = { day: meetingDay(session, report.meeting.date), kind: REPORT_LABELS[locale].fileName, title: report.meeting.meetingTitle || report.boardTitle, ext };
      res.setHeader('Cache-Control', 'no-store');
      if (ext === 'json') sendDownload(res, name, 'application/json; charset=utf-8', JSON.stringify(report));
      else if (ext === 'csv') sendDownload(res, name, 'text/csv; charset=utf-8', '\uFEFF' + hostReportCsv(report));
      else sendDownload(res, name, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', await renderReportDocx(report));
    } catch (err) {
      deps.log.error('report.failed', { board: id, ...errorFields(err) });
      res.status(500).json({ error: 'the report could not be made' });
    }
  });
  return router;
}
