import { Router } from 'express';
import type { IntakeContext } from '../context.ts';

/** Public deployment facts: channels, questionnaires, recipient lists, KDF and PoW parameters. */
export function deploymentRoutes(ctx: IntakeContext): Router {
  const router = Router();
  const { deps, config, pow } = ctx;
  router.get('/deployment', async (_req, res) => {
    const channels = await deps.listChannels();
    // Settings come from the deployment stream, which first-run setup writes while the service
    // runs: the composition root passes a function, tests may pass a value.
    const settings =
      typeof deps.cryptoSettings === 'function' ? await deps.cryptoSettings() : deps.cryptoSettings;
    res.json({
      demo: deps.demo === true,
      channels: channels.map((c) => ({
        id: c.id,
        name: c.name,
        questionnaire: c.questionnaire,
        recipients: c.recipients,
      })),
      // The receipt KDF of the deployment's crypto settings when wired, else the configured one.
      argon2: settings
        ? {
            memoryKiB: settings.receiptKdf.memLimitBytes / 1024,
            iterations: settings.receiptKdf.opsLimit,
            parallelism: 1,
          }
        : config.argon2,
      crypto: settings ?? null,
      pow: { algorithm: 'sha256-leading-zero-bits/v1', bits: await pow.difficulty.bits() },
      limits: {
        maxJsonBytes: config.maxJsonBytes,
        maxChunkBytes: config.maxChunkBytes,
        maxEvidenceBytesPerReport: config.maxEvidenceBytesPerReport,
        maxEvidenceFiles: config.maxEvidenceFiles,
        sessionIdleSeconds: Math.floor(config.sessionIdleMs / 1000),
      },
    });
  });
  /** A fresh challenge for the next submission (stateless: costs the server nothing to keep). */
  router.get('/pow', async (_req, res) => {
    res.json(await pow.issue());
  });
  return router;
}
