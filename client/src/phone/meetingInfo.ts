/** What the board says about its meeting (title, date, hosts) and its short join, for anyone with a host's or participant's link. */
import { z } from 'zod';
import { JoinInfo } from '../../../shared/joinCode';

export const MeetingInfo = z.object({ title: z.string(), date: z.string(), hosts: z.array(z.string()) });
export type MeetingInfo = z.infer<typeof MeetingInfo>;

async function getJson(url: string, token: string): Promise<unknown> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}

export async function fetchMeetingInfo(boardId: string, token: string): Promise<MeetingInfo> {
  return MeetingInfo.parse(await getJson(`/api/boards/${boardId}/meeting`, token));
}

export async function fetchJoinInfo(boardId: string, token: string): Promise<JoinInfo> {
  return JoinInfo.parse(await getJson(`/api/boards/${boardId}/join`, token));
}
