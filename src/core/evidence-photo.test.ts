import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import { checkPhoto, MAX_PHOTO_BYTES } from './evidence-photo';
import { AppError } from './errors';

const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
const u16 = (n: number) => [n >> 8, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u32le = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const has = (bytes: Uint8Array, s: string) => Buffer.from(bytes).includes(Buffer.from(s, 'latin1'));
const GPS = 'GPSLatitude 48.8584N 2.2945E';

/** A JPEG's structure: JFIF, EXIF with a GPS position, XMP, a comment, a quantisation table, a scan. */
export function jpegWithGps(): Uint8Array {
  const segment = (marker: number, payload: number[]) => [0xff, marker, ...u16(payload.length + 2), ...payload];
  return new Uint8Array([
    0xff, 0xd8,
    ...segment(0xe0, [...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xe1, [...ascii('Exif\0\0'), ...ascii(GPS)]),
    ...segment(0xe1, [...ascii('http://ns.adobe.com/xap/1.0/\0'), ...ascii('<x:xmpmeta>Paris</x:xmpmeta>')]),
    ...segment(0xed, [...ascii('Photoshop 3.0\0'), ...ascii('IPTC city Paris')]),
    ...segment(0xfe, ascii('taken by Jane Doe')),
    ...segment(0xdb, [0, ...new Array(64).fill(1)]),
    ...segment(0xda, [1, 1, 0, 0, 63, 0]),
    0x12, 0x34, 0xff, 0x00, 0x56,
    0xff, 0xd9,
  ]);
}

function crc32(bytes: number[]) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
const chunk = (type: string, data: number[]) => [...u32(data.length), ...ascii(type), ...data, ...u32(crc32([...ascii(type), ...data]))];

/** A 1×1 PNG with a text chunk and an eXIf chunk naming a place. */
export function pngWithGps(): Uint8Array {
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...chunk('IHDR', [...u32(1), ...u32(1), 8, 2, 0, 0, 0]),
    ...chunk('tEXt', ascii(`Comment\0${GPS}`)),
    ...chunk('eXIf', ascii(`MM\0*${GPS}`)),
    ...chunk('IDAT', [...deflateSync(Buffer.from([0, 255, 0, 0]))]),
    ...chunk('IEND', []),
  ]);
}

/** An extended WebP with EXIF and XMP chunks (and their flags set). */
export function webpWithGps(): Uint8Array {
  const riffChunk = (type: string, data: number[]) => [...ascii(type), ...u32le(data.length), ...data, ...(data.length % 2 ? [0] : [])];
  const body = [
    ...ascii('WEBP'),
    ...riffChunk('VP8X', [0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ...riffChunk('VP8L', [0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0]),
    ...riffChunk('EXIF', ascii(GPS)),
    ...riffChunk('XMP ', ascii('<x:xmpmeta>Paris</x:xmpmeta>')),
  ];
  return new Uint8Array([...ascii('RIFF'), ...u32le(body.length), ...body]);
}

const refusal = (fn: () => unknown, code: string) =>
  assert.throws(fn, (error: unknown) => error instanceof AppError && error.code === code, `expected ${code}`);

describe('a shopper photo: type from its bytes, size cap, metadata stripped', () => {
  test('JPEG: EXIF (GPS), XMP, IPTC and comments are gone; the frame and scan are kept byte for byte', () => {
    const original = jpegWithGps();
    const photo = checkPhoto(original);
    assert.equal(photo.contentType, 'image/jpeg');
    for (const secret of ['GPSLatitude', 'Exif', 'xmpmeta', 'IPTC', 'Jane Doe']) assert.ok(!has(photo.bytes, secret), `still holds ${secret}`);
    assert.ok(has(photo.bytes, 'JFIF'));
    const scan = Buffer.from(original).indexOf(Buffer.from([0xff, 0xda]));
    assert.deepEqual(Buffer.from(photo.bytes).subarray(-(original.length - scan)), Buffer.from(original).subarray(scan));
  });

  test('PNG: text and eXIf chunks are gone, the image chunks kept', () => {
    const photo = checkPhoto(pngWithGps());
    assert.equal(photo.contentType, 'image/png');
    assert.ok(!has(photo.bytes, 'GPSLatitude'));
    for (const kept of ['IHDR', 'IDAT', 'IEND']) assert.ok(has(photo.bytes, kept));
  });

  test('WebP: EXIF and XMP chunks and their flags are gone, the RIFF size matches', () => {
    const photo = checkPhoto(webpWithGps());
    assert.equal(photo.contentType, 'image/webp');
    assert.ok(!has(photo.bytes, 'GPSLatitude') && !has(photo.bytes, 'xmpmeta'));
    assert.equal(Buffer.from(photo.bytes).readUInt32LE(4), photo.bytes.length - 8);
    const vp8x = Buffer.from(photo.bytes).indexOf('VP8X');
    assert.equal(photo.bytes[vp8x + 8]! & 0x0c, 0);
  });

  test('the bytes decide, not a name or declared type: HTML, SVG, PDF and a GIF are refused', () => {
    refusal(() => checkPhoto(new Uint8Array(Buffer.from('<html><script>alert(1)</script>'))), 'unsupported_media_type');
    refusal(() => checkPhoto(new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))), 'unsupported_media_type');
    refusal(() => checkPhoto(new Uint8Array(Buffer.from('%PDF-1.7\n'))), 'unsupported_media_type');
    refusal(() => checkPhoto(new Uint8Array(Buffer.from('GIF89a\x01\x00\x01\x00'))), 'unsupported_media_type');
  });

  test('HEIC is refused with a way to send it', () => {
    const heic = new Uint8Array([0, 0, 0, 24, ...ascii('ftypheic'), 0, 0, 0, 0, ...ascii('mif1heic')]);
    assert.throws(() => checkPhoto(heic), /JPEG, PNG or WebP/);
  });

  test('a JPEG header over HTML (a polyglot cut short) cannot be read: refused', () => {
    refusal(() => checkPhoto(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x7f, 0xff, ...ascii('<script>')])), 'unprocessable');
    refusal(() => checkPhoto(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...ascii('IHDR')])), 'unprocessable');
  });

  test('empty and too large are refused before anything is read', () => {
    refusal(() => checkPhoto(new Uint8Array()), 'validation_failed');
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(jpegWithGps());
    refusal(() => checkPhoto(big), 'payload_too_large');
  });
});
