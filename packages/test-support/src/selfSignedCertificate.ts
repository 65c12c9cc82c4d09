import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A self-signed certificate for `localhost` and `127.0.0.1`, valid for two days, written into
 * `dir` (`key.pem`, `cert.pem`): what a server of a test presents, as a self-hosted GitLab or
 * GitHub Enterprise Server behind a company's own certificate authority does, which neither
 * Node.js nor git trusts by itself.
 *
 * @returns `file`, the certificate's path (for `NODE_EXTRA_CA_CERTS` or `GIT_SSL_CAINFO`), and
 *   `tls`, the key and certificate for `https.createServer`
 * @public
 */
export function createSelfSignedCertificate(dir: string): {
  file: string;
  tls: { key: string; cert: string };
} {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return {
    file: cert,
    tls: {
      key: fs.readFileSync(key, 'utf8'),
      cert: fs.readFileSync(cert, 'utf8'),
    },
  };
}
