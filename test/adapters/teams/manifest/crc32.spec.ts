import assert from 'node:assert/strict';
import { crc32 } from '../../../../src/adapters/teams/manifest/crc32';

describe('crc32', () => {
  it('should give the standard check value of "123456789"', () => {
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  });

  it('should give 0 for no bytes and continue a running CRC across chunks', () => {
    assert.equal(crc32(new Uint8Array(0)), 0);
    assert.equal(crc32(Buffer.from('56789'), crc32(Buffer.from('1234'))), 0xcbf43926);
  });
});
