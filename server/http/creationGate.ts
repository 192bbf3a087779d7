/** Who may create boards and networks: the organiser (when the server has a secret), a few times an hour per address. */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HourlyLimiter } from './hourlyLimiter';

export function bearerMatches(req: Request, secret: string): boolean {
  const header = req.get('authorization') ?? '';
  const given = Buffer.from(header.replace(/^Bearer\s+/i, ''), 'utf8');
  const expected = Buffer.from(secret, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** 401 without the organiser secret (when one is set); 429 with Retry-After past `perHour` from one address. */
export function organiserOnly(organiserSecret: string | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (organiserSecret && !bearerMatches(req, organiserSecret)) {
      res.status(401).json({ error: 'organiser secret required (Authorization: Bearer …)' });
      return;
    }
    next();
  };
}

export function creationGate(organiserSecret: string | undefined, perHour: number, what: string) {
  const organiser = organiserOnly(organiserSecret);
  const creations = new HourlyLimiter(perHour);
  return (req: Request, res: Response, next: NextFunction): void =>
    organiser(req, res, () => {
      const retryAfter = creations.take(req.ip ?? 'unknown');
      if (retryAfter > 0) {
        res.setHeader('Retry-After', String(retryAfter));
        res.status(429).json({ error: `too many ${what} created from this address; try again in ${retryAfter} s` });
        return;
      }
      next();
    });
}
