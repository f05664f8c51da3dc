import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeZip } from '../../../../src/adapters/teams/manifest/write-zip';
import { readZip } from './read-zip';

describe('writeZip', () => {
  it('should write files that read back byte for byte, in order, deflated or stored', () => {
    const text = Buffer.from('{"hello":"world"}\n'.repeat(50));
    const noise = randomBytes(300);
    const zip = writeZip([
      { name: 'manifest.json', data: text },
      { name: 'noise.bin', data: noise },
      { name: 'empty.txt', data: new Uint8Array(0) },
    ]);
    const files = readZip(zip);
    assert.deepEqual(
      files.map((f) => f.name),
      ['manifest.json', 'noise.bin', 'empty.txt'],
    );
    assert.deepEqual(files[0]!.data, text);
    assert.equal(files[0]!.method, 8, 'text compresses, so it is deflated');
    assert.deepEqual(files[1]!.data, noise);
    assert.equal(files[1]!.method, 0, 'random bytes do not compress, so they are stored');
    assert.equal(files[2]!.data.length, 0);
  });

  it('should give the same bytes for the same files', () => {
    const entries = [{ name: 'a.txt', data: Buffer.from('same') }];
    assert.deepEqual(writeZip(entries), writeZip(entries));
  });

  it('should refuse absolute, parent and duplicate names', () => {
    const data = Buffer.from('x');
    assert.throws(() => writeZip([{ name: '/etc/passwd', data }]), /not a relative path/);
    assert.throws(() => writeZip([{ name: '../up.txt', data }]), /not a relative path/);
    assert.throws(() => writeZip([{ name: 'a\\b.txt', data }]), /not a relative path/);
    assert.throws(
      () =>
        writeZip([
          { name: 'a.txt', data },
          { name: 'a.txt', data },
        ]),
      /appears twice/,
    );
  });
});
