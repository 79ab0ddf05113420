// Deployment info as intake publishes it (GET /api/v1/deployment), for page-level tests that
// run against the static build alone.
import type { ApiHandler } from './static-server.ts';

export const testChannel = {
  id: 'channel-ippr',
  name: 'Integrity Namibia',
  questionnaire: [
    { id: 'what', label: 'What happened?', kind: 'longtext', required: true },
    { id: 'where', label: 'Which organisation is involved?', kind: 'text', required: true },
    {
      id: 'ongoing',
      label: 'Is it still going on?',
      kind: 'choice',
      required: false,
      options: ['Yes', 'No', 'I do not know'],
    },
    { id: 'when', label: 'When did it start?', kind: 'date', required: false },
  ],
  recipients: null,
};

export const fakeDeployment: ApiHandler = (req, res) => {
  if (req.method === 'GET' && req.url === '/api/v1/deployment') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        name: 'Test deployment',
        demo: true,
        channels: [testChannel],
        argon2: { memoryKiB: 19456, iterations: 2, parallelism: 1 },
        crypto: null,
        pow: { algorithm: 'sha256-leading-zero-bits/v1', bits: 4 },
        limits: {
          maxJsonBytes: 2_000_000,
          maxChunkBytes: 1_048_576,
          maxEvidenceBytesPerReport: 50_000_000,
          maxEvidenceFiles: 20,
          sessionIdleSeconds: 900,
        },
      }),
    );
    return true;
  }
  return false;
};
