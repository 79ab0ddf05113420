import { Router } from 'express';
import type { IntakeConfig } from '../config.ts';
import type { IntakeDeps } from '../deps.ts';
import type { Pow } from '../pow/pow.ts';

/** Public deployment facts: channels, questionnaires, recipient lists, KDF and PoW parameters. */
export function deploymentRoutes(deps: IntakeDeps, config: IntakeConfig, pow: Pow): Router {
  const router = Router();
  router.get('/deployment', async (_req, res) => {
    const channels = await deps.listChannels();
    res.json({
      channels: channels.map((c) => ({
        id: c.id,
        name: c.name,
        questionnaire: c.questionnaire,
        recipients: c.recipients,
      })),
      // The receipt KDF of the deployment's crypto settings when wired, else the configured one.
      argon2: deps.cryptoSettings
        ? {
            memoryKiB: deps.cryptoSettings.receiptKdf.memLimitBytes / 1024,
            iterations: deps.cryptoSettings.receiptKdf.opsLimit,
            parallelism: 1,
          }
        : config.argon2,
      crypto: deps.cryptoSettings ?? null,
      pow: { algorithm: 'sha256-leading-zero-bits/v1', bits: pow.difficulty.bits() },
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
  router.get('/pow', (_req, res) => {
    res.json(pow.issue());
  });
  return router;
}
