/**
 * The network's HTTP interface: create a network with its first meeting, its page's data, the
 * next meeting, and the attendance archive's exports. Every route but creation needs the
 * network's host token, which grants nothing on any other network nor on any board directly.
 */
import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { CreateNetworkRequest, NextMeetingRequest, networkLink, type CreateNetworkResponse, type NetworkView } from '../../shared/network/network';
import { BOARD_ID_PATTERN } from '../../shared/roles';
import { errorFields, type Logger } from '../log';
import { creationGate, organiserOnly } from '../http/creationGate';
import { contentDisposition } from '../export/fileName';
import { meetingAttendanceCsv, networkAttendanceCsv } from '../../shared/network/attendanceArchive';
import type { NetworkStore } from './networkStore';
import { requireNetworkHost, type NetworkTokenSigner } from './networkTokens';
import { addNetworkMeeting, meetingViews, type NetworkMeetingDeps } from './networkMeetings';
import { boardSession } from './boardSession';
import { programmeStats, type HeldMeeting } from '../../shared/network/programmeStats';
import { KeptAttendance } from '../../shared/report/hostReport';
import { openPlanStep, planSnapshot } from './networkPlan';
import { planDocx, planMarkdown } from './planExport';

export interface NetworkRouteDeps extends NetworkMeetingDeps {
  networks: NetworkStore;
  networkSigner: NetworkTokenSigner;
  log: Logger;
  publicUrl?: string;
  organiserSecret?: string;
  /** Networks one address may create per hour (the same budget as boards). */
  creationsPerHour: number;
}

const MAX_BODY = '32kb';

const issues = (error: { issues: { path: PropertyKey[]; message: string }[] }) => error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

export function networkRouter(deps: NetworkRouteDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: MAX_BODY, type: () => true });
  const host = requireNetworkHost(deps.networkSigner);
  /** The next meeting being made per network here: a second request waits, so numbers never repeat. */
  const making = new Map<string, Promise<unknown>>();
  const oneAtATime = <T>(networkId: string, make: () => Promise<T>): Promise<T> => {
    const next = (making.get(networkId) ?? Promise.resolve()).catch(() => {}).then(make);
    making.set(networkId, next);
    void next.finally(() => making.get(networkId) === next && making.delete(networkId)).catch(() => {});
    return next;
  };
  const publicUrlOf = (req: Request) => deps.publicUrl ?? `${req.protocol}://${req.get('host')}`;

  const mayCreate = creationGate(deps.organiserSecret, deps.creationsPerHour, 'networks');

  /** The network named in the path (its token was checked), or a 404 answer. */
  const networkOf = async (res: Response) => {
    const network = await deps.networks.read(res.locals.networkId as string);
    if (!network) res.status(404).json({ error: 'no such network' });
    return network;
  };

  // The programme's figures across networks: counts the reports kept at closing, never a name.
  // (Before `/api/networks/:id`, which it would otherwise match.)
  router.get('/api/networks/stats', organiserOnly(deps.organiserSecret), async (_req: Request, res: Response) => {
    try {
      const networks = [];
      for (const id of await deps.networks.list()) {
        const network = await deps.networks.read(id);
        if (!network) continue;
        const held: HeldMeeting[] = [];
        for (const meeting of network.meetings) {
          const kept = KeptAttendance.safeParse((await boardSession(deps, meeting.boardId)).closedAttendance);
          if (kept.success) held.push({ people: kept.data.people, cities: kept.data.byCity.map((c) => c.city) });
        }
        networks.push({ id, title: network.info.title, held });
      }
      res.setHeader('Cache-Control', 'no-store');
      res.json(programmeStats(networks));
    } catch (err) {
      deps.log.error('network.stats_failed', errorFields(err));
      res.status(500).json({ error: 'the statistics could not be made' });
    }
  });

  router.post('/api/networks', mayCreate, json, async (req: Request, res: Response) => {
    const parsed = CreateNetworkRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid network request', details: issues(parsed.error) });
      return;
    }
    const { title, locale = 'pl', cities, hosts, contract, firstMeeting } = parsed.data;
    const id = randomBytes(15).toString('base64url');
    try {
      await deps.networks.create(id, { title, locale, cities, hosts, contract, createdAt: new Date().toISOString() });
      const network = (await deps.networks.read(id))!;
      const meeting = await addNetworkMeeting(deps, network, firstMeeting, publicUrlOf(req));
      const token = deps.networkSigner.sign(id, deps.linkTtlMs);
      deps.log.info('network.created', { network: id, board: meeting.boardId, cities: cities.length });
      const body: CreateNetworkResponse = { id, link: networkLink(publicUrlOf(req), id, token), token, meeting };
      res.status(201).json(body);
    } catch (err) {
      deps.log.error('network.create_failed', errorFields(err));
      res.status(500).json({ error: 'the network could not be stored' });
    }
  });

  router.get('/api/networks/:id', host, async (req: Request, res: Response) => {
    try {
      const network = await networkOf(res);
      if (!network) return;
      const body: NetworkView = {
        id: network.id,
        info: network.info,
        ...(await meetingViews(deps, network, publicUrlOf(req))),
        workplan: await planSnapshot(deps, network),
        link: networkLink(publicUrlOf(req), network.id, deps.networkSigner.sign(network.id, deps.linkTtlMs)),
      };
      res.setHeader('Cache-Control', 'no-store');
      res.json(body);
    } catch (err) {
      deps.log.error('network.read_failed', { network: res.locals.networkId, ...errorFields(err) });
      res.status(500).json({ error: 'the network could not be read' });
    }
  });

  // One host action: meeting N+1, opening with the review of meeting N.
  router.post('/api/networks/:id/meetings', host, json, async (req: Request, res: Response) => {
    const parsed = NextMeetingRequest.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid meeting request', details: issues(parsed.error) });
      return;
    }
    try {
      const meeting = await oneAtATime(res.locals.networkId as string, async () => {
        const network = await networkOf(res);
        return network && addNetworkMeeting(deps, network, parsed.data, publicUrlOf(req));
      });
      if (!meeting) return;
      deps.log.info('network.meeting_added', { network: res.locals.networkId, board: meeting.boardId, number: meeting.number });
      res.status(201).json(meeting);
    } catch (err) {
      deps.log.error('network.meeting_failed', { network: res.locals.networkId, ...errorFields(err) });
      res.status(500).json({ error: 'the meeting could not be made' });
    }
  });

  // The work plan as it stands, to keep or send: .md or .docx.
  router.get('/api/networks/:id/workplan.:ext', host, async (req: Request, res: Response) => {
    const ext = String(req.params.ext);
    if (ext !== 'md' && ext !== 'docx') {
      res.status(404).json({ error: 'no such file' });
      return;
    }
    try {
      const network = await networkOf(res);
      if (!network) return;
      const plan = await planSnapshot(deps, network);
      const { title, locale } = network.info;
      const name = `${plan.asOf} ${locale === 'en' ? 'Work plan' : 'Plan pracy'} – ${title}.${ext}`;
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Disposition', contentDisposition(name));
      if (ext === 'md') res.type('text/markdown; charset=utf-8').send(planMarkdown(plan, title, locale));
      else res.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(await planDocx(plan, title, locale));
    } catch (err) {
      deps.log.error('network.workplan_failed', { network: res.locals.networkId, ...errorFields(err) });
      res.status(500).json({ error: 'the work plan could not be made' });
    }
  });

  // A meeting opens the plan as a step (its note then records the plan as it stood).
  router.post('/api/networks/:id/meetings/:boardId/workplan', host, async (req: Request, res: Response) => {
    try {
      const network = await networkOf(res);
      if (!network) return;
      const meeting = network.meetings.find((m) => m.boardId === String(req.params.boardId));
      if (!meeting) {
        res.status(404).json({ error: 'no such meeting in this network' });
        return;
      }
      await openPlanStep(deps, network, meeting.boardId);
      res.status(201).json({ boardId: meeting.boardId });
    } catch (err) {
      deps.log.error('network.workplan_step_failed', { network: res.locals.networkId, ...errorFields(err) });
      res.status(500).json({ error: 'the work plan could not be opened' });
    }
  });

  // The network's table of attendance by city across meetings.
  router.get('/api/networks/:id/attendance.csv', host, async (_req: Request, res: Response) => {
    const network = await networkOf(res);
    if (!network) return;
    const table = network.meetings.map((m) => ({ number: m.number, people: network.attendance.get(m.boardId)?.people ?? null }));
    sendCsv(res, `${network.info.locale === 'en' ? 'attendance' : 'obecnosc'}.csv`, networkAttendanceCsv(table, network.info.cities, network.info.locale));
  });

  // One closed meeting's archived attendance list.
  router.get('/api/networks/:id/meetings/:boardId/attendance.csv', host, async (req: Request, res: Response) => {
    const network = await networkOf(res);
    if (!network) return;
    const boardId = String(req.params.boardId);
    const meeting = BOARD_ID_PATTERN.test(boardId) ? network.meetings.find((m) => m.boardId === boardId) : undefined;
    const list = meeting && network.attendance.get(meeting.boardId);
    if (!meeting || !list) {
      res.status(404).json({ error: 'no archived attendance for this meeting (it is kept when the meeting is closed)' });
      return;
    }
    const name = network.info.locale === 'en' ? `attendance-meeting-${meeting.number}.csv` : `lista-obecnosci-spotkanie-${meeting.number}.csv`;
    sendCsv(res, name, meetingAttendanceCsv(list.people, network.info.locale));
  });

  return router;
}

function sendCsv(res: Response, fileName: string, body: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', contentDisposition(fileName));
  // The BOM tells a spreadsheet the file is UTF-8.
  res.send('\uFEFF' + body);
}
