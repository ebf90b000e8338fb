import { inflateSync } from 'node:zlib';

import { createCanvas, loadImage } from '@napi-rs/canvas';

import {
  renderChart,
  renderChartAsync,
  type ChartOptions,
} from './chart-renderer';
import { encodePng } from './png-encoder';

/** Decodes a PNG with Skia (an independent decoder) into straight RGBA pixels. */
async function pixels(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    rgba: Buffer.from(
      context.getImageData(0, 0, image.width, image.height).data,
    ),
  };
}

const TREND: ChartOptions = {
  kind: 'line',
  title: '育児休業の推移',
  labels: ['令和3年度', '令和4年度', '令和5年度', '令和6年度', '令和7年度'],
  series: [
    { label: '男性の育児休業取得率', values: [12.5, null, 30.1, 46.7, 61.2] },
    { label: '女性の育児休業取得率', values: [98, 100, 96.4, 100, 97.3] },
  ],
  unit: '%',
};

const TARGETS: ChartOptions = {
  kind: 'bar',
  title: '目標に対する実績と目安',
  labels: ['男性の育児休業取得率', '年次休暇の平均取得日数'],
  series: [
    { label: '実績', values: [61.2, 14.3] },
    { label: '目安', values: [55, 15] },
    { label: '目標', values: [85, 16] },
  ],
  unit: '',
};

describe('renderChartAsync', () => {
  it('gives the very pixels of the Skia-encoded chart, also on a canvas reused from another chart', async () => {
    for (const options of [TREND, TARGETS]) {
      // Another chart first, so that this one is drawn on the released canvas.
      await renderChartAsync(options === TREND ? TARGETS : TREND);
      const fast = await pixels(await renderChartAsync(options));
      const reference = await pixels(renderChart(options));
      expect([fast.width, fast.height]).toEqual([720, 360]);
      expect([reference.width, reference.height]).toEqual([720, 360]);
      expect(fast.rgba.equals(reference.rgba)).toBe(true);
      // Something was drawn: not every pixel is the white background.
      expect(fast.rgba.some((byte) => byte !== 255)).toBe(true);
    }
  });

  it('draws charts concurrently without mixing them up', async () => {
    const [trend, targets] = await Promise.all([
      renderChartAsync(TREND),
      renderChartAsync(TARGETS),
    ]);
    expect(
      (await pixels(trend)).rgba.equals(
        (await pixels(renderChart(TREND))).rgba,
      ),
    ).toBe(true);
    expect(
      (await pixels(targets)).rgba.equals(
        (await pixels(renderChart(TARGETS))).rgba,
      ),
    ).toBe(true);
  });
});

describe('encodePng', () => {
  // 3×2 opaque pixels written out by hand.
  const rgba = Uint8Array.from([
    255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 255, 255, 255,
    255, 255, 0, 0, 0, 255,
  ]);

  it('writes the PNG signature, an RGBA IHDR and unfiltered rows a zlib inflate gives back', async () => {
    const png = await encodePng(rgba, 3, 2);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([
      png.readUInt32BE(16),
      png.readUInt32BE(20),
      png[24],
      png[25],
    ]).toEqual([3, 2, 8, 6]);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    const rows = inflateSync(png.subarray(41, 41 + idatLength));
    expect([...rows]).toEqual([
      0,
      ...rgba.subarray(0, 12),
      0,
      ...rgba.subarray(12),
    ]);
    expect(
      png.subarray(png.length - 8, png.length - 4).toString('latin1'),
    ).toBe('IEND');
  });

  it('is decoded by Skia to the same pixels', async () => {
    const decoded = await pixels(await encodePng(rgba, 3, 2));
    expect([decoded.width, decoded.height]).toEqual([3, 2]);
    expect([...decoded.rgba]).toEqual([...rgba]);
  });

  it('refuses pixels that do not match the size', async () => {
    await expect(encodePng(rgba, 2, 2)).rejects.toThrow(RangeError);
  });
});
