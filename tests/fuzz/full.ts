/**
 * `npm run fuzz [-- --frames N --seed S]`: the full hostile-frame run (100,000 frames by default) —
 * byte garbage and valid Yjs updates with hostile content — against a real server in this
 * process, with a bystander room that must stay exactly as it was and the attacked board that
 * must open again in tldraw afterwards.
 */
import * as Y from 'yjs';
import { parseArgs } from 'node:util';
import { roomName } from '../../shared/roles';
import { connectStockClient } from '../helpers/clients';
import { DEFAULT_PAGE_ID as BOARD_PAGE_ID } from '../../shared/formats/layout';
import { createBoard, startTestServer, syncUrl } from '../helpers/server';
import { noteRecord, shapeCount } from '../helpers/records';
import { waitFor } from '../helpers/wait';
import { DOCUMENTED_CLOSE_CODES, reopenAttackedBoard, runHostileFuzz, watchProcessFaults } from './runHostileFuzz';

const { values } = parseArgs({ options: { frames: { type: 'string', default: '100000' }, seed: { type: 'string' }, 'content-share': { type: 'string', default: '0.3' } } });
const frames = Number(values.frames);
const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const contentShare = Number(values['content-share']);
console.log(`hostile-frame fuzz, seed ${seed} (replay with --seed ${seed})`);

const server = await startTestServer({ maxMessagesPerSecond: 1_000_000 });
const bystanderBoard = await createBoard(server.url);
const bystander = connectStockClient(server.url, bystanderBoard.id, bystanderBoard.tokens.participant);
await bystander.synced();
for (let i = 0; i < 20; i++) bystander.records.set(`shape:b${i}`, noteRecord(`shape:b${i}`, `notatka ${i}`, { parentId: BOARD_PAGE_ID, x: i * 220 }));
const bystanderRoom = () => [...server.rooms.rooms()].find((r) => r.name === bystanderBoard.id)!;
await waitFor(() => bystanderRoom() !== undefined && shapeCount(bystanderRoom().records) === 20, 'the bystander notes');
const before = Y.encodeStateAsUpdate(bystanderRoom().doc);

const target = await createBoard(server.url);
/** Rooms that met a fault in a hook and were reloaded (0 on a server that does not count them). */
const roomFaults = () => (server.rooms as { faults?: number }).faults ?? 0;
const faultsBefore = roomFaults();
const watch = watchProcessFaults();
const started = performance.now();
const result = await runHostileFuzz(`${syncUrl(server.url)}/${target.id}?token=${target.tokens.participant}`, seed, frames, {
  contentShare,
  content: { maxTextChars: server.config.maxTextChars, maxRecordBytes: server.config.maxRecordBytes },
});
const seconds = (performance.now() - started) / 1000;
watch.stop();

const failures: string[] = [];
for (const fault of watch.faults) failures.push(`uncaught in the server's process: ${fault}`);
if (roomFaults() !== faultsBefore) failures.push(`${roomFaults() - faultsBefore} room fault(s) from hostile input`);
for (const code of result.closeCodes.keys()) if (code !== 0 && !DOCUMENTED_CLOSE_CODES.has(code)) failures.push(`undocumented close code ${code}`);
for (const [m, n] of result.mismatches) failures.push(`${m} (${n}×)`);
if ((await fetch(`${server.url}/healthz`)).status !== 200) failures.push('healthz failed');
if (!Buffer.from(Y.encodeStateAsUpdate(bystanderRoom().doc)).equals(Buffer.from(before))) failures.push('the bystander room changed');
if (!bystander.provider.wsconnected) failures.push('the bystander was disconnected');
bystander.records.set('shape:after', noteRecord('shape:after', 'po fuzzie', { parentId: BOARD_PAGE_ID, x: 5000 }));
const late = connectStockClient(server.url, bystanderBoard.id, bystanderBoard.tokens.participant);
await waitFor(() => late.records.has('shape:after'), 'the bystander room to keep syncing').catch(() => failures.push('the bystander room stopped syncing'));
late.destroy();
failures.push(...(await reopenAttackedBoard(server.url, target, 'while loaded')));
const unloaded = await waitFor(() => !server.rooms.get(target.id) && !server.rooms.get(roomName(target.id, 'control')), 'the attacked board to unload', 10_000).then(
  () => true,
  () => false,
);
if (unloaded) failures.push(...(await reopenAttackedBoard(server.url, target, 'after an unload')));
else failures.push('the attacked board was not unloaded');

console.log(`frames: ${result.framesSent.toLocaleString('en')} (${result.contentFrames.toLocaleString('en')} content attacks in valid updates) over ${result.connections.toLocaleString('en')} connections in ${seconds.toFixed(1)} s`);
console.log(`close codes: ${[...result.closeCodes].sort(([a], [b]) => a - b).map(([c, n]) => `${c === 0 ? 'still open' : c}×${n}`).join(', ')}`);
console.log(`notices: ${[...result.notices].sort().map(([rule, n]) => `${rule}×${n}`).join(', ') || 'none'}`);
console.log(`server RSS after: ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MiB (generator in the same process)`);
console.log(
  failures.length === 0
    ? 'PASS: no crash or room fault, documented close codes only, every content attack answered as its rule demands, the attacked board reopens, the bystander room untouched'
    : `FAIL (seed ${seed}):\n  ${failures.slice(0, 40).join('\n  ')}${failures.length > 40 ? `\n  … and ${failures.length - 40} more` : ''}`,
);
bystander.destroy();
await server.close();
process.exit(failures.length === 0 ? 0 : 1);
