// `npm run demo`: asks the running Tablica (npm start) for a board filled with a realistic session.
const base = process.env.TABLICA_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const headers = process.env.ORGANISER_SECRET ? { authorization: `Bearer ${process.env.ORGANISER_SECRET}` } : {};
try {
  const res = await fetch(`${base}/api/demo`, { method: 'POST', headers });
  const body = await res.json();
  if (res.status !== 201) throw new Error(body.error ?? `HTTP ${res.status}`);
  console.log(`Demo board ready (${body.id}). Open one of its links:\n`);
  for (const [role, link] of Object.entries(body.links)) console.log(`  ${role.padEnd(12)} ${link}`);
} catch (err) {
  console.error(`Could not make a demo board at ${base}: ${err.message}\nStart Tablica first with \`npm start\` (or set TABLICA_URL).`);
  process.exit(1);
}
