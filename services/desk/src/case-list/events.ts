import { channelsOfRecipient, channelsWithAccessOf, isCaseRow } from '@integrity-desk/reports';
import type { Request, Response, Router } from 'express';
import { readSessionToken } from '../auth/sessions.ts';
import type { DeskContext } from '../context.ts';
import { requireCaller } from '../context.ts';
import { ProblemError } from '../http/problem.ts';

/** Live connections per investigator and for the whole desk process. */
export interface CaseFeedLimits {
  readonly perInvestigator: number;
  readonly total: number;
  /** How often the read models are looked at for changes while anyone listens. */
  readonly pollMs: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  readonly heartbeatMs: number;
  /** How often the session is checked: a signed-out feed ends within this. */
  readonly sessionCheckMs: number;
}
export const defaultCaseFeedLimits: CaseFeedLimits = {
  perInvestigator: 4,
  total: 200,
  pollMs: 500,
  heartbeatMs: 15_000,
  sessionCheckMs: 2_000,
};

/**
 * GET /api/cases/events: server-sent events telling a signed-in investigator which of their
 * cases changed ("case" with the report id and log position, then "counts"), never what
 * changed: the page reads the list again. Only cases one of the caller's channels may open now
 * (its own channel, or one a referral took it to), re-read on every change (a recipient removed stops hearing at once). The stream ends
 * when the session does (sign-out, deactivation, idle timeout: checked at every heartbeat and
 * change), and holds no more than `perInvestigator` connections per account.
 */
export function caseFeedRoute(
  ctx: DeskContext,
  router: Router,
  limits: CaseFeedLimits = defaultCaseFeedLimits,
): void {
  const open = new Map<string, number>();
  let total = 0;
  let poller: ReturnType<typeof setInterval> | undefined;
  const poll = () => {
    try {
      ctx.caseList.refresh();
    } catch (error) {
      ctx.deps.logger?.warn(
        `desk: case feed could not read the case list (${String((error as Error).name)})`,
      );
    }
  };

  router.get('/api/cases/events', async (req: Request, res: Response) => {
    const caller = await requireCaller(ctx, req, res);
    const headers = {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    };
    // A HEAD has no body to stream: its headers are the whole answer, and it holds no stream.
    if (req.method === 'HEAD') {
      res.writeHead(200, headers).end();
      return;
    }
    const token = readSessionToken(req.get('cookie')) as string;
    const mine = open.get(caller.investigatorId) ?? 0;
    if (mine >= limits.perInvestigator || total >= limits.total)
      throw new ProblemError('tooManyAttempts');
    open.set(caller.investigatorId, mine + 1);
    total += 1;
    res.writeHead(200, headers);
    res.write(`retry: 5000\n: position ${ctx.caseList.index.position}\n\n`);
    const live = () => ctx.sessions.alive(token);
    let unlisten = () => {};
    const close = () => {
      unlisten();
      clearInterval(heartbeat);
      res.end();
    };
    // Checked at each heartbeat: a signed-out session ends its feed within one.
    let alive = true;
    unlisten = ctx.caseList.listen((changed) => {
      if (!alive) return close();
      const channels = new Set(channelsOfRecipient(ctx.deps.readModels, caller.investigatorId));
      let any = false;
      for (const s of changed) {
        // A purged case no longer names its channel: told to everyone listening, it carries
        // nothing but an id the caller may never have seen.
        if (
          isCaseRow(s) &&
          !channelsWithAccessOf(s.channelId, s.referrals ?? []).some((c) => channels.has(c))
        )
          continue;
        res.write(
          `event: case\ndata: ${JSON.stringify({ reportId: s.reportId, position: s.position })}\n\n`,
        );
        any = true;
      }
      if (any) res.write('event: counts\ndata: {}\n\n');
    });
    let quietSince = Date.now();
    const heartbeat = setInterval(() => {
      live().then(
        (ok) => {
          alive = ok;
          if (!ok) return close();
          if (Date.now() - quietSince < limits.heartbeatMs) return;
          quietSince = Date.now();
          res.write(': heartbeat\n\n');
        },
        () => close(),
      );
    }, limits.sessionCheckMs);
    poller ??= setInterval(poll, limits.pollMs);
    poller.unref?.();
    req.on('close', () => {
      close();
      const left = (open.get(caller.investigatorId) ?? 1) - 1;
      if (left > 0) open.set(caller.investigatorId, left);
      else open.delete(caller.investigatorId);
      total -= 1;
      if (total === 0 && poller) {
        clearInterval(poller);
        poller = undefined;
      }
    });
  });
}
