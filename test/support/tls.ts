import { execFileSync } from 'node:child_process';

/**
 * Writes a one-day self-signed certificate and its key with openssl, a stand-in for a cluster or server CA.
 * The common name defaults to 127.0.0.1, which then is also the certificate's IP subject alternative name.
 */
export function writeSelfSignedCert(keyFile: string, certFile: string, commonName = '127.0.0.1'): void {
  const san = commonName === '127.0.0.1' ? ['-addext', 'subjectAltName=IP:127.0.0.1'] : [];
  const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${commonName}`, ...san];
  execFileSync('openssl', [...args, '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
}
