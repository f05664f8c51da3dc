import { inflateRawSync } from 'node:zlib';
import { crc32 } from '../../../../src/adapters/teams/manifest/crc32';

/** One file read back from a ZIP archive. */
export interface ZipFile {
  readonly name: string;
  readonly method: number;
  readonly data: Buffer;
}

/**
 * A tiny ZIP reader for tests, independent of the writer: finds the end-of-central-directory record,
 * walks the central directory, follows each entry to its local header, inflates it and checks its
 * CRC-32 and size. Throws on anything malformed.
 */
export function readZip(zip: Buffer): ZipFile[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) throw new Error('no end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const start = zip.readUInt32LE(eocd + 16);
  if (start + size !== eocd) throw new Error('central directory does not end where the EOCD starts');
  const files: ZipFile[] = [];
  for (let at = start, i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const length = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const localName = zip.toString('utf8', local + 30, local + 30 + zip.readUInt16LE(local + 26));
    if (localName !== name) throw new Error(`local name ${localName} differs from ${name}`);
    const bodyAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(bodyAt, bodyAt + compressed);
    const data = method === 8 ? inflateRawSync(body) : method === 0 ? Buffer.from(body) : undefined;
    if (!data) throw new Error(`${name}: unknown method ${method}`);
    if (data.length !== length) throw new Error(`${name}: ${data.length} bytes, expected ${length}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    files.push({ name, method, data });
    at += 46 + nameLength + extra + comment;
  }
  return files;
}
