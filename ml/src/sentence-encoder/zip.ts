import { inflateRawSync } from 'node:zlib';

/** One file inside a zip archive; its bytes are inflated when read, not before. */
export interface ZipEntry {
  name: string;
  size: number;
  read(): Buffer;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * The entries of a zip archive held in memory (a wheel, or numpy's .npz). Node's zlib does
 * the inflating; this reads only the directory, which is all a wheel or an .npz needs (no
 * zip64: both archives are far below 4 GB, and an archive that needs it is refused).
 */
export function readZip(archive: Buffer): Map<string, ZipEntry> {
  const end = findEndOfCentralDirectory(archive);
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== CENTRAL_FILE_HEADER)
      throw new Error('zip: bad central directory');
    const method = archive.readUInt16LE(at + 10);
    const compressedSize = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localHeader = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    if (compressedSize === 0xffffffff || localHeader === 0xffffffff) {
      throw new Error(`zip: ${name} needs zip64, which is not read here`);
    }
    entries.set(name, {
      name,
      size,
      read: () => readEntry(archive, name, method, localHeader, compressedSize, size),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readEntry(
  archive: Buffer,
  name: string,
  method: number,
  localHeader: number,
  compressedSize: number,
  size: number,
): Buffer {
  if (archive.readUInt32LE(localHeader) !== LOCAL_FILE_HEADER) {
    throw new Error(`zip: bad local header for ${name}`);
  }
  const start =
    localHeader +
    30 +
    archive.readUInt16LE(localHeader + 26) +
    archive.readUInt16LE(localHeader + 28);
  const data = archive.subarray(start, start + compressedSize);
  if (method === STORED) return data;
  if (method === DEFLATED) {
    const inflated = inflateRawSync(data);
    if (inflated.length !== size) throw new Error(`zip: ${name} inflated to the wrong size`);
    return inflated;
  }
  throw new Error(`zip: ${name} uses compression method ${method}, not stored or deflated`);
}

function findEndOfCentralDirectory(archive: Buffer): number {
  // The record is 22 bytes plus a comment of at most 64 KiB, at the very end.
  const lowest = Math.max(0, archive.length - 22 - 0xffff);
  for (let at = archive.length - 22; at >= lowest; at--) {
    if (archive.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('zip: no end of central directory (not a zip archive, or truncated)');
}
