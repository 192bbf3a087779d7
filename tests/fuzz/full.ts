/**
 * `npm run fuzz [-- --frames N --seed S]`: the full hostile-frame run (100,000 frames by default)
 * against a real server in this process, with a bystander room that must stay exactly as it was.
 */
import * as Y from 'yjs';
import { parseArgs } from 'node:util';
import { connectStockClient } from '../helpers/clients';
import { createBoard, startTestServer, syncUrl } from '../helpers/server';
import { noteRecord, shapeCount } from '../helpers/records';
import { waitFor } from '../helpers/wait';
import { DOCUMENTED_CLOSE_CODES, runHostileFuzz } from './runHostileFuzz';

const { values } = parseArgs({ options: { frames: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const frames = Number(values.frames);
const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);

const server = await startTestServer({ maxMessagesPerSecond: 1_000_000 });
const bystanderBoard = await createBoard(server.url);
const bystander = connectStockClient(server.url, bystanderBoard.id, bystanderBoard.tokens.participant);
await bystander.synced();
for (let i = 0; i < 20; i++) bystander.records.set(`shape:b${i}`, noteRecord(`shape:b${i}`, `notatka ${i}`));
const bystanderRoom = () => [...server.rooms.rooms()].find((r) => r.name === bystanderBoard.id)!;
await waitFor(() => shapeCount(bystanderRoom().records) === 20, 'the bystander notes');
const before = Y.encodeStateAsUpdate(bystanderRoom().doc);

const target = await createBoard(server.url);
const started = performance.now();
const result = await runHostileFuzz(`${syncUrl(server.url)}/${target.id}?token=${target.tokens.participant}`, seed, frames);
const seconds = (performance.now() - started) / 1000;

const failures: string[] = [];
for (const code of result.closeCodes.keys()) if (code !== 0 && !DOCUMENTED_CLOSE_CODES.has(code)) failures.push(`undocumented close code ${code}`);
if ((await fetch(`${server.url}/healthz`)).status !== 200) failures.push('healthz failed');
if (!Buffer.from(Y.encodeStateAsUpdate(bystanderRoom().doc)).equals(Buffer.from(before))) failures.push('the bystander room changed');
if (!bystander.provider.wsconnected) failures.push('the bystander was disconnected');

console.log(`hostile-frame fuzz, seed ${seed}`);
console.log(`frames: ${result.framesSent.toLocaleString('en')} over ${result.connections.toLocaleString('en')} connections in ${seconds.toFixed(1)} s`);
console.log(`close codes: ${[...result.closeCodes].sort(([a], [b]) => a - b).map(([c, n]) => `${c === 0 ? 'still open' : c}×${n}`).join(', ')}`);
console.log(`server RSS after: ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MiB (generator in the same process)`);
console.log(failures.length === 0 ? 'PASS: no crash, documented close codes only, the bystander room untouched' : `FAIL: ${failures.join('; ')}`);
bystander.destroy();
await server.close();
process.exit(failures.length === 0 ? 0 : 1);
