import { describe, expect, it } from 'vitest';
import type { LoadCounts } from '@/db/schema';
import { measureLoadProgress } from './measure-load-progress';

const counts = (over: Partial<LoadCounts> = {}): LoadCounts => ({ rows: 0, rejected: 0, bySourceId: 0, linked: 0, review: 0, created: 0, updated: 0, applied: 0, ...over });

describe('a load’s progress bar', () => {
  it('moves forward through the steps, and reads 100 only when finished', () => {
    const steps = ['receiving', 'checking', 'staged', 'matched'].map((status) => measureLoadProgress({ status, counts: counts({ rows: 100 }) }).percent);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(new Set(steps).size).toBe(steps.length);
    expect(measureLoadProgress({ status: 'done', counts: counts() })).toEqual({ percent: 100, finished: true });
    expect(measureLoadProgress({ status: 'refused', counts: counts() })).toEqual({ percent: 100, finished: true });
  });

  it('follows the rows applied, batch by batch, out of those that will be applied', () => {
    const at = (applied: number) => measureLoadProgress({ status: 'applying', counts: counts({ rows: 1000, rejected: 100, review: 100, applied }) }).percent;
    const matched = measureLoadProgress({ status: 'matched', counts: counts({ rows: 1000 }) }).percent;
    expect(at(0)).toBe(matched);
    expect(at(400)).toBeGreaterThan(at(0));
    expect(at(400)).toBe(matched + 30);
    expect(at(800)).toBeGreaterThan(at(400));
    // Every row applied, but not yet marked done: still short of finished.
    expect(measureLoadProgress({ status: 'applying', counts: counts({ rows: 1000, rejected: 100, review: 100, applied: 800 }) })).toEqual({ percent: 99, finished: false });
  });

  it('moves through matching step by step, between staged and matched', () => {
    const staged = measureLoadProgress({ status: 'staged', counts: counts({ rows: 100 }) }).percent;
    const matched = measureLoadProgress({ status: 'matched', counts: counts({ rows: 100 }) }).percent;
    const steps = ['protected_children', 'source_ids', 'candidate_pairs', 'weights', 'decisions'].map((matchStep) => measureLoadProgress({ status: 'staged', counts: counts({ rows: 100 }), matchStep }).percent);
    expect([staged, ...steps, matched]).toEqual([staged, ...steps, matched].sort((a, b) => a - b));
    expect(new Set([staged, ...steps, matched]).size).toBe(steps.length + 2);
    // A step name the page does not know, or one left from an earlier try of a load now past matching, moves nothing.
    expect(measureLoadProgress({ status: 'staged', counts: counts(), matchStep: 'something-else' }).percent).toBe(staged);
    expect(measureLoadProgress({ status: 'matched', counts: counts({ rows: 100 }), matchStep: 'decisions' }).percent).toBe(matched);
  });

  it('reads an unknown step as not started, and a load with no rows to apply without dividing by nothing', () => {
    expect(measureLoadProgress({ status: 'something-new', counts: counts() })).toEqual({ percent: 0, finished: false });
    expect(measureLoadProgress({ status: 'applying', counts: counts({ rows: 3, rejected: 3 }) }).percent).toBeLessThan(100);
  });
});
