/**
 * Photos keep no metadata (issue 18): a JPEG with EXIF GPS (built here, tag by tag), XMP and IPTC,
 * and a PNG with text and eXIf chunks, lose them; the picture's bytes stay as they were.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { stripJpegMetadata, stripPngMetadata, stripWebpMetadata } from '../../../electron/services/readings/photoMetadata';
import { addPhoto } from '../../../electron/services/readings/photos';
import { openStore } from '../../../electron/services/store';
import { useTempDir } from '../../support/tempDir';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { csv, row } from '../../support/routeCsv';

const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
const segment = (marker: number, body: number[]) => [0xff, marker, ...u16(body.length + 2), ...body];

/** EXIF (TIFF, big-endian): IFD0 with Make and a GPSInfo pointer, a GPS IFD with 52°31'12.34" N. */
function exifWithGps(): number[] {
  const ifd0At = 8;
  const makeAt = ifd0At + 2 + 2 * 12 + 4; // after IFD0
  const gpsAt = makeAt + 10; // "FieldCam\0" padded to 10
  const ratAt = gpsAt + 2 + 2 * 12 + 4;
  const tiff = [
    ...ascii('MM'),
    ...u16(42),
    ...u32(ifd0At),
    ...u16(2),
    ...u16(0x010f),
    ...u16(2),
    ...u32(9),
    ...u32(makeAt), // Make, ASCII
    ...u16(0x8825),
    ...u16(4),
    ...u32(1),
    ...u32(gpsAt), // GPSInfo IFD pointer
    ...u32(0),
    ...ascii('FieldCam\0\0'),
    ...u16(2),
    ...u16(0x0001),
    ...u16(2),
    ...u32(2),
    ...ascii('N\0\0\0'), // GPSLatitudeRef
    ...u16(0x0002),
    ...u16(5),
    ...u32(3),
    ...u32(ratAt), // GPSLatitude, 3 RATIONAL
    ...u32(0),
    ...u32(52),
    ...u32(1),
    ...u32(31),
    ...u32(1),
    ...u32(1234),
    ...u32(100),
  ];
  return [...ascii('Exif\0\0'), ...tiff];
}

/** A 1×1 baseline JPEG's tables and scan (JFIF, quantisation, frame, Huffman, scan, EOI). */
const JFIF = segment(0xe0, [...ascii('JFIF\0'), 1, 1, 0, ...u16(1), ...u16(1), 0, 0]);
const DQT = segment(0xdb, [0, ...Array.from({ length: 64 }, () => 1)]);
const SOF0 = segment(0xc0, [8, ...u16(1), ...u16(1), 1, 1, 0x11, 0]);
const DHT = segment(0xc4, [0x00, 1, ...Array.from({ length: 15 }, () => 0), 0, 0x10, 1, ...Array.from({ length: 15 }, () => 0), 0]);
const SCAN = [...segment(0xda, [1, 1, 0x00, 0, 63, 0]), 0x00, 0xff, 0xd9];

function jpegWithMetadata(): Buffer {
  const xmp = segment(0xe1, ascii('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>52,31.2N</exif:GPSLatitude></x:xmpmeta>'));
  const iptc = segment(0xed, ascii('Photoshop 3.0\x008BIM\x04\x04 City: Berlin'));
  const comment = segment(0xfe, ascii('taken at 1 Main St'));
  return Buffer.from([0xff, 0xd8, ...JFIF, ...segment(0xe1, exifWithGps()), ...xmp, ...iptc, ...DQT, ...comment, ...SOF0, ...DHT, ...SCAN]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([Buffer.from(u32(data.length)), body, Buffer.from(u32(crc32(body)))]);
}

describe('photo metadata', () => {
  const tempDir = useTempDir();

  it('a JPEG loses EXIF (GPS, camera), XMP, IPTC and comments; the frame and scan are unchanged', () => {
    const original = jpegWithMetadata();
    expect(original.includes('FieldCam')).toBe(true);
    const stripped = Buffer.from(stripJpegMetadata(original));
    expect(stripped).toEqual(Buffer.from([0xff, 0xd8, ...JFIF, ...DQT, ...SOF0, ...DHT, ...SCAN]));
    for (const gone of ['Exif', 'FieldCam', 'GPSLatitude', 'Photoshop', 'Main St']) expect(stripped.includes(gone), gone).toBe(false);
    // The rational 52/1 of the latitude is gone with its IFD.
    expect(stripped.includes(Buffer.from([...u32(52), ...u32(1)]))).toBe(false);
    // Again changes nothing.
    expect(Buffer.from(stripJpegMetadata(stripped))).toEqual(stripped);
  });

  it('a PNG loses tEXt, iTXt, zTXt, eXIf and tIME chunks; the image chunks stay byte for byte', () => {
    const plain = readFileSync(join(import.meta.dirname, '../../fixtures/meter-photo.png'));
    const ihdrEnd = 8 + 12 + 13;
    const tagged = Buffer.concat([
      plain.subarray(0, ihdrEnd),
      pngChunk('tEXt', Buffer.from('Comment\0GPS 52.52 13.40', 'latin1')),
      pngChunk('eXIf', Buffer.from(exifWithGps().slice(6))),
      pngChunk('tIME', Buffer.from([0x07, 0xea, 12, 6, 8, 30, 0])),
      plain.subarray(ihdrEnd),
    ]);
    expect(Buffer.from(stripPngMetadata(tagged))).toEqual(plain);
  });

  it('a WebP loses its EXIF and XMP chunks and their VP8X flags', () => {
    const chunk = (fourcc: string, data: number[]) => [
      ...ascii(fourcc),
      ...[data.length, 0, 0, 0],
      ...data,
      ...(data.length & 1 ? [0] : []),
    ];
    const vp8x = chunk('VP8X', [0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const image = chunk('VP8L', [0x2f, 0, 0, 0, 0x10]);
    const body = [
      ...ascii('WEBP'),
      ...vp8x,
      ...image,
      ...chunk('EXIF', exifWithGps().slice(6)),
      ...chunk('XMP ', ascii('<x:xmpmeta>GPS</x:xmpmeta>')),
    ];
    const file = Buffer.from([...ascii('RIFF'), body.length & 0xff, (body.length >> 8) & 0xff, 0, 0, ...body]);
    const stripped = Buffer.from(stripWebpMetadata(file));
    expect(stripped.includes('FieldCam')).toBe(false);
    expect(stripped.includes('xmpmeta')).toBe(false);
    expect(stripped.readUInt32LE(4)).toBe(stripped.length - 8);
    expect(stripped[20]).toBe(0); // the VP8X flags byte
    expect(stripped.includes(Buffer.from(image))).toBe(true);
  });

  it('a photo added to a visit is stored without its GPS position, under the hash of what is stored', () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'f.db'));
    try {
      importRoute(
        store,
        { name: 'Tess', role: 'technician' },
        { fileName: 'r.csv', content: csv(row({ up: 'UP-1' })), acceptValidRows: false },
      );
      const photoDir = join(dir, 'photos');
      const photo = addPhoto(store, { name: 'Tess', role: 'technician' }, photoDir, {
        usagePointId: 'UP-1',
        fileName: 'dial.jpg',
        mimeType: 'image/jpeg',
        dataBase64: jpegWithMetadata().toString('base64'),
      });
      const [file] = readdirSync(photoDir);
      const stored = readFileSync(join(photoDir, file!));
      expect(stored.includes('FieldCam')).toBe(false);
      expect(stored.includes('Exif')).toBe(false);
      expect(file).toBe(`${photo.photoId}.jpg`);
      expect(photo.sizeBytes).toBe(stored.length);
    } finally {
      store.close();
    }
  });
});
