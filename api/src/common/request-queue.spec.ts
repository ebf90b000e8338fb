import { EventEmitter } from 'node:events';

import { jest } from '@jest/globals';

import type { NextFunction, Request, Response } from 'express';

import { RequestQueue } from './request-queue';

/** A response double: records what was sent; `close()` is what Node emits when it is done. */
class FakeResponse extends EventEmitter {
  statusCode = 200;
  headers: Record<string, string> = {};
  body: unknown = undefined;
  headersSent = false;
  destroyed = false;
  writableEnded = false;
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string) {
    this.headers[name] = value;
    return this;
  }
  json(body: unknown) {
    this.body = body;
    this.headersSent = true;
    return this;
  }
  close() {
    this.writableEnded = true;
    this.emit('close');
  }
}

function call(queue: RequestQueue, path = '/api/v1/kpis') {
  const response = new FakeResponse();
  const next = jest.fn() as unknown as NextFunction & jest.Mock;
  queue.middleware({ path } as Request, response as unknown as Response, next);
  return { response, next };
}

describe('RequestQueue', () => {
  // Waiting requests hold a timer; fake timers keep them from outliving the test.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('handles `concurrency` requests at once and admits the waiting ones in arrival order', () => {
    const queue = new RequestQueue({
      concurrency: 2,
      maxWaitMs: 60_000,
      maxQueued: 10,
    });
    const calls = Array.from({ length: 5 }, () => call(queue));
    expect(calls.map((c) => c.next.mock.calls.length)).toEqual([1, 1, 0, 0, 0]);
    expect(queue.queueLength).toBe(3);
    calls[1].response.close();
    expect(calls.map((c) => c.next.mock.calls.length)).toEqual([1, 1, 1, 0, 0]);
    calls[0].response.close();
    calls[2].response.close();
    expect(calls.map((c) => c.next.mock.calls.length)).toEqual([1, 1, 1, 1, 1]);
    expect(queue.inFlight).toBe(2);
    calls[3].response.close();
    calls[4].response.close();
    expect(queue.inFlight).toBe(0);
    expect(queue.queueLength).toBe(0);
  });

  it('answers a bilingual 503 SERVER_BUSY to a request that waited too long, and lets it go', () => {
    const queue = new RequestQueue({
      concurrency: 1,
      maxWaitMs: 1_000,
      maxQueued: 10,
    });
    const first = call(queue);
    const second = call(queue);
    jest.advanceTimersByTime(999);
    expect(second.response.body).toBeUndefined();
    jest.advanceTimersByTime(1);
    expect(second.next).not.toHaveBeenCalled();
    expect(second.response.statusCode).toBe(503);
    expect(second.response.headers['Retry-After']).toBe('5');
    expect(second.response.body).toMatchObject({
      statusCode: 503,
      code: 'SERVER_BUSY',
      message: {
        ja: expect.stringMatching(/混み合って/),
        en: expect.stringMatching(/busy/),
      },
    });
    expect(queue.queueLength).toBe(0);
    // The refused request's own close must not free a slot it never had.
    second.response.close();
    expect(queue.inFlight).toBe(1);
    first.response.close();
    expect(queue.inFlight).toBe(0);
    expect(queue.stats.refused).toBe(1);
  });

  it('refuses at once when `maxQueued` requests are already waiting', () => {
    const queue = new RequestQueue({
      concurrency: 1,
      maxWaitMs: 60_000,
      maxQueued: 1,
    });
    call(queue);
    const waiting = call(queue);
    const third = call(queue);
    expect(waiting.response.body).toBeUndefined();
    expect(third.response.statusCode).toBe(503);
    expect(third.next).not.toHaveBeenCalled();
  });

  it('forgets a waiting request whose client went away, and a slot is freed only once', () => {
    const queue = new RequestQueue({
      concurrency: 1,
      maxWaitMs: 60_000,
      maxQueued: 10,
    });
    const first = call(queue);
    const gone = call(queue);
    const third = call(queue);
    gone.response.close();
    expect(queue.queueLength).toBe(1);
    first.response.close();
    first.response.close();
    expect(gone.next).not.toHaveBeenCalled();
    expect(third.next).toHaveBeenCalledTimes(1);
    expect(queue.inFlight).toBe(1);
    third.response.close();
    expect(queue.inFlight).toBe(0);
  });

  it('never queues the health check or the web app', () => {
    const queue = new RequestQueue({
      concurrency: 1,
      maxWaitMs: 60_000,
      maxQueued: 0,
    });
    call(queue);
    expect(call(queue, '/api/v1/health').next).toHaveBeenCalled();
    expect(call(queue, '/overview').next).toHaveBeenCalled();
    expect(call(queue).response.statusCode).toBe(503);
  });
});
