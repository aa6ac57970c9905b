import { describe, expect, it } from 'vitest';
import { RequestQueue } from '../../../src/gate/request-queue.js';

describe('RequestQueue', () => {
  it('keeps items in order up to its limit', () => {
    const queue = new RequestQueue<number>(3);
    expect([queue.push(1), queue.push(2), queue.push(3)]).toEqual([[], [], []]);
    expect(queue.size).toBe(3);
    expect(queue.takeAll()).toEqual([1, 2, 3]);
    expect(queue.size).toBe(0);
  });

  it('evicts the oldest item when full and hands it back', () => {
    const queue = new RequestQueue<number>(2);
    queue.push(1);
    queue.push(2);
    expect(queue.push(3)).toEqual([1]);
    expect(queue.push(4)).toEqual([2]);
    expect(queue.takeAll()).toEqual([3, 4]);
  });

  it('holds at most its limit however many items are pushed', () => {
    const queue = new RequestQueue<number>(100);
    const evicted: number[] = [];
    for (let i = 0; i < 1000; i++) evicted.push(...queue.push(i));
    expect(queue.size).toBe(100);
    expect(evicted).toHaveLength(900);
    expect(evicted.slice(0, 3)).toEqual([0, 1, 2]);
    expect(queue.takeAll()[0]).toBe(900);
  });

  it('with a limit of 0 holds nothing', () => {
    const queue = new RequestQueue<string>(0);
    expect(queue.push('a')).toEqual(['a']);
    expect(queue.size).toBe(0);
  });

  it('shrinking evicts the oldest items that no longer fit', () => {
    const queue = new RequestQueue<number>(5);
    for (const n of [1, 2, 3, 4]) queue.push(n);
    expect(queue.resize(2)).toEqual([1, 2]);
    expect(queue.resize(10)).toEqual([]);
    expect(queue.takeAll()).toEqual([3, 4]);
  });
});
