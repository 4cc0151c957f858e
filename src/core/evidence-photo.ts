import { AppError } from './errors';
import { sniffImageType } from './image-type';

/** The largest photo a shopper may attach (a phone's full-size JPEG; the widget scales down before sending). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

export type PhotoType = 'image/png' | 'image/jpeg' | 'image/webp';

export interface CheckedPhoto {
  contentType: PhotoType;
  /** The image without its metadata (EXIF with GPS, XMP, IPTC, comments, text chunks). */
  bytes: Uint8Array;
}

const unreadable = () => new AppError('unprocessable', 'the photo could not be read: send it again as a JPEG, PNG or WebP image');

// HEIF/HEIC (iPhone) and AVIF: an ISO box `ftyp` with one of these brands.
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1', 'avif', 'avis']);
const isHeif = (b: Uint8Array) => b.length >= 12 && String.fromCharCode(...b.subarray(4, 8)) === 'ftyp' && HEIF_BRANDS.has(String.fromCharCode(...b.subarray(8, 12)));

/**
 * A shopper's photo as the bytes say it is — whatever its name or declared type claims — checked
 * for size and kind (PNG, JPEG or WebP; no GIF, SVG or anything else), then stripped of the metadata
 * a phone writes into it (GPS position, device, time). The declared type is never trusted.
 */
export function checkPhoto(bytes: Uint8Array): CheckedPhoto {
  if (bytes.length === 0) throw new AppError('validation_failed', 'the photo is empty');
  if (bytes.length > MAX_PHOTO_BYTES) throw new AppError('payload_too_large', `the photo must be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
  if (isHeif(bytes)) throw new AppError('unsupported_media_type', 'HEIC photos are not accepted: send it as a JPEG, PNG or WebP (on an iPhone, share it as "Most Compatible")');
  const type = sniffImageType(bytes);
  if (type === 'image/jpeg') return { contentType: type, bytes: stripJpeg(bytes) };
  if (type === 'image/png') return { contentType: type, bytes: stripPng(bytes) };
  if (type === 'image/webp') return { contentType: type, bytes: stripWebp(bytes) };
  throw new AppError('unsupported_media_type', 'the photo must be a JPEG, PNG or WebP image');
}

// APP1 (EXIF, XMP), APP3–APP13 (IPTC among them), APP15 and comments go; APP0 (JFIF), APP2 (ICC colour) and APP14 (Adobe colour transform) stay.
const dropJpegMarker = (m: number) => m === 0xe1 || (m >= 0xe3 && m <= 0xed) || m === 0xef || m === 0xfe;

/** JPEG: the segments before the image data, without metadata ones; from the first scan on, unchanged. */
export function stripJpeg(b: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [b.subarray(0, 2)];
  let at = 2;
  for (;;) {
    if (at + 4 > b.length || b[at] !== 0xff) throw unreadable();
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) throw unreadable(); // the end before any image data
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    const end = at + 2 + length;
    if (length < 2 || end > b.length) throw unreadable();
    if (marker === 0xda) {
      kept.push(b.subarray(at));
      break;
    }
    if (!dropJpegMarker(marker)) kept.push(b.subarray(at, end));
    at = end;
  }
  return concat(kept);
}

const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

/** PNG: every chunk but the text, EXIF and time ones, up to IEND. */
export function stripPng(b: Uint8Array): Uint8Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const kept: Uint8Array[] = [b.subarray(0, 8)];
  let at = 8;
  for (;;) {
    if (at + 12 > b.length) throw unreadable();
    const length = view.getUint32(at);
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > b.length) throw unreadable();
    if (!PNG_DROPPED.has(type)) kept.push(b.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return concat(kept);
}

const WEBP_EXIF_FLAG = 0x08;
const WEBP_XMP_FLAG = 0x04;

/** WebP: every RIFF chunk but EXIF and XMP, with the extended header's flags for them cleared. */
export function stripWebp(b: Uint8Array): Uint8Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const kept: Uint8Array[] = [];
  let at = 12;
  const riffEnd = Math.min(b.length, 8 + view.getUint32(4, true));
  while (at < riffEnd) {
    if (at + 8 > riffEnd) throw unreadable();
    const type = String.fromCharCode(...b.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > riffEnd) throw unreadable();
    if (type === 'VP8X' && size >= 1) {
      const chunk = b.slice(at, Math.min(end, riffEnd));
      chunk[8] = chunk[8]! & ~(WEBP_EXIF_FLAG | WEBP_XMP_FLAG);
      kept.push(chunk);
    } else if (type !== 'EXIF' && type !== 'XMP ') kept.push(b.subarray(at, Math.min(end, riffEnd)));
    at = end;
  }
  const body = concat(kept);
  const out = new Uint8Array(12 + body.length);
  out.set(b.subarray(0, 12));
  new DataView(out.buffer).setUint32(4, 4 + body.length, true);
  out.set(body, 12);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
