import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';

const deflateAsync = promisify(deflate);

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * A lossless PNG (8-bit RGBA, colour type 6) of straight (not premultiplied) RGBA pixels, as
 * `getImageData` gives them: every row with filter 0 (None), deflated at zlib level 1 on a libuv
 * worker. For a server-drawn chart (large flat areas, a few colours) this is several times
 * cheaper than Skia's encoder, which tries every PNG filter on every row at level 6, and the file is
 * no larger; the pixels are the same (chart-renderer.spec.ts decodes both and compares them).
 */
export async function encodePng(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
): Promise<Buffer> {
  const stride = width * 4;
  if (rgba.length !== stride * height)
    throw new RangeError(`${rgba.length} bytes for ${width}×${height} RGBA`);
  const filtered = Buffer.alloc((stride + 1) * height);
  const source = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  for (let row = 0; row < height; row++)
    source.copy(
      filtered,
      row * (stride + 1) + 1,
      row * stride,
      (row + 1) * stride,
    );
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression 0 (deflate), filter method 0, no interlace: the zeros Buffer.alloc left
  const data = await deflateAsync(filtered, { level: 1 });
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', data),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
