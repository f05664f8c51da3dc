import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { clientCertificate } from '../../../src/adapters/defender/client-certificate';

describe('clientCertificate', () => {
  let pems: { cert: string; private: string };
  let other: { cert: string; private: string };
  before(async () => {
    pems = await generate([{ name: 'commonName', value: 'vigil-test' }], {
      keySize: 2048,
      algorithm: 'sha256',
    });
    other = await generate([{ name: 'commonName', value: 'other' }], { keySize: 2048, algorithm: 'sha256' });
  });

  it('should derive the SHA-256 thumbprint, a PKCS#8 key and the x5c PEM', () => {
    const credential = clientCertificate(pems.cert, pems.private);
    const der = new X509Certificate(pems.cert).raw;
    assert.equal(credential.thumbprintSha256, createHash('sha256').update(der).digest('hex'));
    assert.match(credential.privateKey, /^-----BEGIN PRIVATE KEY-----/);
    assert.match(credential.x5c, /^-----BEGIN CERTIFICATE-----/);
  });

  it('should refuse a key that does not belong to the certificate, without echoing it', () => {
    assert.throws(
      () => clientCertificate(pems.cert, other.private),
      (error: Error) => error instanceof RangeError && !error.message.includes('PRIVATE KEY'),
    );
    assert.throws(() => clientCertificate('not a pem', pems.private), RangeError);
    assert.throws(() => clientCertificate(pems.cert, 'not a key'), RangeError);
  });
});
