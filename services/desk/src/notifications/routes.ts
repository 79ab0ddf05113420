import { InvalidRequestError, parseRequest } from '@integrity-desk/http';
import {
  notificationDefaultChangedSchema,
  notificationDefaultsStream,
  notificationModes,
  notificationSettingsChangedSchema,
  notificationsStream,
  type NotificationSettings,
} from '@integrity-desk/reports';
import { StreamNotFoundError } from '@integrity-desk/eventstore';
import { Router } from 'express';
import { readKey } from 'openpgp';
import { z } from 'zod';
import type { DeskContext } from '../context.ts';
import { requireAdmin, requireCaller } from '../context.ts';

const settingsBody = z
  .object({
    email: z.email().max(254).nullable(),
    mode: z.enum(notificationModes).nullable(),
    pgpKey: z.string().min(1).max(64_000).optional(),
  })
  .strict();
const defaultBody = z.object({ mode: z.enum(notificationModes) }).strict();

/**
 * Notification settings. Each investigator sets their own address and mode (or the default);
 * an administrator sets the default. The notifier (services/reports/src/notifications) reads the
 * events; what a message says never depends on them. Last writer wins: settings, not casework.
 */
export function notificationRoutes(ctx: DeskContext): Router {
  const router = Router();
  const { deps } = ctx;

  const lastData = async <T>(stream: string): Promise<T | undefined> => {
    // No settings yet is an empty stream; a store that fails must not read as "no settings".
    const events = await deps.store.readStream(stream).catch((error: unknown) => {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    });
    return events.at(-1)?.data as T | undefined;
  };

  router.get('/api/account/notifications', async (req, res) => {
    const caller = await requireCaller(ctx, req, res);
    const mine = await lastData<NotificationSettings>(notificationsStream(caller.investigatorId));
    const fallback = await lastData<{ mode: string }>(notificationDefaultsStream);
    res.json({
      email: mine?.email ?? null,
      pgpKey: mine?.pgpKey ?? null,
      mode: mine?.mode ?? null,
      defaultMode: fallback?.mode ?? 'digest',
    });
  });

  router.put('/api/account/notifications', async (req, res) => {
    const caller = await requireCaller(ctx, req, res);
    const body = parseRequest(settingsBody, req.body);
    // A key that openpgp.js cannot read, or that cannot encrypt, is bad input: refused now, not
    // failing every notification later.
    if (body.pgpKey !== undefined) {
      const key = await readKey({ armoredKey: body.pgpKey }).catch(() => undefined);
      if (!key || key.isPrivate() || !(await key.getEncryptionKey().catch(() => undefined)))
        throw new InvalidRequestError();
    }
    const event = notificationSettingsChangedSchema.parse({
      type: 'NotificationSettingsChanged',
      data: {
        investigatorId: caller.investigatorId,
        ...body,
        changedAt: deps.clock.now().toISOString(),
      },
    });
    await deps.store.append(
      notificationsStream(caller.investigatorId),
      [{ id: deps.ids.uuid(), type: event.type, data: event.data }],
      { expectedRevision: 'any' },
    );
    res.status(204).end();
  });

  router.put('/api/notifications/default', async (req, res) => {
    const caller = await requireAdmin(ctx, req, res);
    const { mode } = parseRequest(defaultBody, req.body);
    const event = notificationDefaultChangedSchema.parse({
      type: 'NotificationDefaultChanged',
      data: { mode, by: caller.investigatorId, changedAt: deps.clock.now().toISOString() },
    });
    await deps.store.append(
      notificationDefaultsStream,
      [{ id: deps.ids.uuid(), type: event.type, data: event.data }],
      { expectedRevision: 'any' },
    );
    res.status(204).end();
  });

  return router;
}
