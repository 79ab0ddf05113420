import { parseRequest } from '@integrity-desk/http';
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { ifMatch } from '../context.ts';

/**
 * A command without its metadata, one member of the union at a time: `type` and `data` stay a
 * pair (a plain `Pick` of the union would let one command's type travel with another's data).
 */
export type CommandPart<C> = C extends { readonly type: infer T; readonly data: infer D }
  ? { readonly type: T; readonly data: D }
  : never;

/** Parses a route's body and builds its command from what was parsed, nothing else. */
export interface CommandAction<Context, C> {
  readonly build: (body: unknown, context: Context) => Promise<CommandPart<C>>;
}

/**
 * An action for commands of union `C`, given what the route loaded (`Context`): the body schema
 * and the command built from it are typed together (the builder receives exactly the schema's
 * output and must return a member of `C`), so a route's schema and its command cannot drift
 * apart unnoticed. A body that does not parse is a 400 and builds nothing.
 */
export const action =
  <Context, C>() =>
  <S extends z.ZodType>(
    body: S,
    command: (data: z.infer<S>, context: Context) => CommandPart<C> | Promise<CommandPart<C>>,
  ): CommandAction<Context, C> => ({
    build: async (raw, context) => command(parseRequest(body, raw ?? {}), context),
  });

/** How one aggregate's command routes load, write and answer. */
export interface CommandRoute<Context, C, Result> {
  /** Authenticates and authorises the caller and reads what the command needs, first. */
  readonly load: (req: Request, res: Response) => Promise<Context>;
  /** Adds the metadata and hands the command to the aggregate, at the revision the caller read. */
  readonly handle: (
    command: CommandPart<C>,
    context: Context,
    expectedRevision: bigint,
  ) => Promise<Result>;
  readonly respond: (res: Response, result: Result, context: Context) => void | Promise<void>;
}

/**
 * POST `path`: load (401/403/404), If-Match (428/400), the body (400), the command, its result.
 * Every desk route that issues one command to an aggregate goes through here.
 */
export function postCommand<Context, C, Result>(
  router: Router,
  path: string,
  commandAction: CommandAction<Context, C>,
  route: CommandRoute<Context, C, Result>,
): void {
  router.post(path, async (req, res) => {
    const context = await route.load(req, res);
    const expectedRevision = ifMatch(req);
    const command = await commandAction.build(req.body, context);
    await route.respond(res, await route.handle(command, context, expectedRevision), context);
  });
}
