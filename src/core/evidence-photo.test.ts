import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkPhoto, MAX_PHOTO_BYTES } from './evidence-photo';
import { AppError } from './errors';
import { jpegWithGps, pngWithGps, webpWithGps } from '../../test/support/photos';

const has = (bytes: Uint8Array, s: string) => Buffer.from(bytes).includes(Buffer.from(s, 'latin1'));
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];

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
