// The y-websocket 1.5.4 reference server (its bin/utils setupWSConnection), for the benchmark.
const http = require('node:http');
const { WebSocketServer } = require('ws');
const { setupWSConnection } = require('yws-reference/bin/utils');

const server = http.createServer((_req, res) => res.end('reference'));
const wss = new WebSocketServer({ server });
wss.on('connection', (conn, req) => setupWSConnection(conn, req, { docName: req.url.slice(1).split('?')[0].replace(/^sync\//, '') }));
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ event: 'server.listening', port: server.address().port })));
process.on('SIGTERM', () => process.exit(0));
