import {
  durationBucketIndex,
  durationBucketsFromBounds,
} from './childcare-values';

describe('custom leave-duration buckets', () => {
  it('boundaries 5 and 14 give under 5 days, 5–13 days and 14 days or more', () => {
    const buckets = durationBucketsFromBounds([5, 14]);
    expect(buckets.map((bucket) => bucket.label)).toEqual([
      'lt5',
      '5-13',
      'ge14',
    ]);
    expect(
      [4.5, 5, 13.5, 14, 400].map((days) => durationBucketIndex(days, buckets)),
    ).toEqual([0, 1, 1, 2, 2]);
  });

  it('refuses boundaries that are not ascending whole days', () => {
    expect(() => durationBucketsFromBounds([14, 5])).toThrow(RangeError);
    expect(() => durationBucketsFromBounds([0])).toThrow(RangeError);
    expect(() => durationBucketsFromBounds([])).toThrow(RangeError);
  });
});
