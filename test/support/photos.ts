import { deflateSync } from 'node:zlib';

/** Photo fixtures: image files' structures with the metadata a phone writes (a GPS position among it). */
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
const u16 = (n: number) => [n >> 8, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u32le = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
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

