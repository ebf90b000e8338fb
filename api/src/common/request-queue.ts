import type { NextFunction, Request, Response } from 'express';

import { Errors } from './app-error';

export interface RequestQueueOptions {
  /** Requests handled at once; the rest wait in arrival order. */
  concurrency: number;
  /** How long a request may wait for its turn before it is answered 503 SERVER_BUSY. */
  maxWaitMs: number;
  /** Requests allowed to wait at once; one more is answered 503 SERVER_BUSY at once. */
  maxQueued: number;
}

interface Waiter {
  admit: () => void;
  timer: NodeJS.Timeout;
}

/**
 * Admission control in front of the API. At most `concurrency` API requests are handled at once
 * (each may run several queries in parallel, so this keeps the database pool's own queue short
 * and its acquisition timeout a sign of a database that does not answer, not of a busy server);
 * the others wait here, first come first served, instead of piling onto the pool and failing. A
 * request that cannot get its turn within `maxWaitMs`, or finds `maxQueued` requests already
 * waiting, gets a bilingual 503 SERVER_BUSY with Retry-After. The health check and the static
 * web app are never queued.
 */
export class RequestQueue {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  /** Figures for the operator: requests that had to wait, and requests refused as busy. */
  readonly stats = { queued: 0, refused: 0, maxWaiting: 0 };

  constructor(private readonly options: RequestQueueOptions) {}

  get inFlight(): number {
    return this.active;
  }

  get queueLength(): number {
    return this.waiting.length;
  }

  readonly middleware = (
    request: Request,
    response: Response,
    next: NextFunction,
  ): void => {
    const path = request.path;
    if (!path.startsWith('/api/') || path === '/api/v1/health') return next();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.release();
    };
    if (this.active < this.options.concurrency) {
      this.active++;
      response.once('close', release);
      return next();
    }
    if (this.waiting.length >= this.options.maxQueued)
      return this.refuse(response);
    const waiter: Waiter = {
      admit: () => {
        clearTimeout(waiter.timer);
        response.off('close', abandon);
        if (response.destroyed || response.writableEnded) {
          // The client went away while waiting: pass the turn on.
          released = true;
          this.release();
          return;
        }
        response.once('close', release);
        next();
      },
      timer: setTimeout(() => {
        this.remove(waiter);
        response.off('close', abandon);
        this.refuse(response);
      }, this.options.maxWaitMs),
    };
    const abandon = () => {
      clearTimeout(waiter.timer);
      this.remove(waiter);
    };
    response.once('close', abandon);
    this.waiting.push(waiter);
    this.stats.queued++;
    this.stats.maxWaiting = Math.max(
      this.stats.maxWaiting,
      this.waiting.length,
    );
  };

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter (`active` unchanged), or is freed.
    if (next) next.admit();
    else this.active--;
  }

  private remove(waiter: Waiter): void {
    const index = this.waiting.indexOf(waiter);
    if (index >= 0) this.waiting.splice(index, 1);
  }

  private refuse(response: Response): void {
    this.stats.refused++;
    if (response.headersSent || response.destroyed) return;
    response
      .status(503)
      .setHeader('Retry-After', '5')
      .json(Errors.serverBusy().getResponse());
  }
}
