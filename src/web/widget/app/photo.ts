/** The longest side a photo is sent at: enough to see damage, small enough for a phone's upload. */
const MAX_SIDE = 1600;

const base64Of = (bytes: Uint8Array) => {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};

/**
 * A chosen photo, redrawn on a canvas as a JPEG at most MAX_SIDE pixels across: the upload is small,
 * a HEIC the browser can show becomes a JPEG, and what a camera wrote into the file (GPS position,
 * device) is left behind before it leaves the phone. The gateway checks and strips again anyway.
 * A file the browser cannot draw is sent as it is, and the gateway says what is wrong with it.
 */
export async function preparePhoto(file: Blob): Promise<string> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (jpeg) return base64Of(new Uint8Array(await jpeg.arrayBuffer()));
  } catch {
    // Not drawable here: the bytes go as they are.
  }
  return base64Of(new Uint8Array(await file.arrayBuffer()));
}
