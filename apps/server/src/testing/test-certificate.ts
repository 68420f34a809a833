// test-only: TLS for the processes tests start (nginx, Caddy, coturn)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * A self-signed certificate for `name`, written as `<dir>/fullchain.pem` and `<dir>/privkey.pem`
 * (the names certbot gives), so a shipped config's certificate folder can point at `dir`.
 *
 * @example
 * const { cert, key } = testCertificate(dir, '127.0.0.1');
 */
export function testCertificate(dir: string, name: string): { cert: string; key: string } {
  const cert = join(dir, 'fullchain.pem');
  const key = join(dir, 'privkey.pem');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${name}`,
      '-addext',
      `subjectAltName=DNS:${name},IP:127.0.0.1`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`);
  return { cert, key };
}
