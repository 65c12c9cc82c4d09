// ${{ values.name }}: a minimal HTTP service. Replace the handler with the real thing.
const http = require('node:http');

const port = Number(process.env.PORT ?? ${{ values.port }});

const server = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', service: '${{ values.id }}' }));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ service: '${{ values.id }}', path: req.url }));
});

server.listen(port, () => {
  console.log(`${{ values.id }} listening on port ${port}`);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
