import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVectors, type VectorCase } from './vectors/cases.ts';
import { createNodeBackend } from '../src/backend/node.ts';
import { backends } from './helpers.ts';

const expected = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'test-vectors', 'protocol-v1.json'), 'utf8'),
) as { cases: VectorCase[] };

describe('known-answer vectors in Node', () => {
  it('has cases with every artifact', () => {
    expect(expected.cases.length).toBe(2);
    expect(Object.keys(expected.cases[0]!)).toEqual(
      expect.arrayContaining([
        'envelope',
        'messages',
        'attachmentChunks',
        'vault',
        'recipientList',
        'keyBinding',
        'sealedDeploymentKey',
        'deploymentKeyTransition',
        'receiptV2',
        'receiptV1Production',
      ]),
    );
  });

  it.each(['libsodium', 'noble', 'node'])(
    '%s rebuilds them byte for byte and opens them',
    async (name) => {
      const all = [...backends, await createNodeBackend()];
      const backend = all.find((b) => b.name === name)!;
      expect(await checkVectors(backend, expected)).toEqual([]);
    },
  );
});

/** What the check reports once `alter` has changed a copy of the recorded cases. */
async function failuresAfter(alter: (cases: unknown[]) => void) {
  const altered = structuredClone(expected);
  alter(altered.cases);
  return checkVectors(backends[0]!, altered);
}

describe('the vector check can fail', () => {
  it('reports a deployment key transition that no longer holds', async () => {
    const failures = await failuresAfter((cases) => {
      const [c0, c1] = cases as { deploymentKeyTransition: { nextPublicKey: string } }[];
      c0!.deploymentKeyTransition.nextPublicKey = c1!.deploymentKeyTransition.nextPublicKey;
    });
    expect(failures).toContain('case 0: deploymentKeyTransition differs');
    expect(failures.some((f) => f.startsWith('case 0: deployment key transition'))).toBe(true);
  });

  it('reports a changed recorded value', async () => {
    const failures = await failuresAfter((cases) => {
      const c = cases[0] as { envelope: { signature: string } };
      c.envelope.signature = `${c.envelope.signature.slice(0, -2)}AA`;
    });
    expect(failures).toContain('case 0: envelope differs');
    expect(failures.some((f) => f.startsWith('case 0: open report'))).toBe(true);
  });

  it('reports version 2 receipt keys that no longer derive, and a version 1 known answer', async () => {
    const failures = await failuresAfter((cases) => {
      const [c0, c1] = cases as {
        receiptV2: { receiptKeys: { locator: string } };
        receiptV1Production: { locator: string };
      }[];
      c0!.receiptV2.receiptKeys.locator = c1!.receiptV2.receiptKeys.locator;
      c1!.receiptV1Production.locator = c0!.receiptV1Production.locator;
    });
    expect(failures).toContain('case 0: receiptV2 differs');
    expect(failures).toContain('case 0: open report with receipt (version 2)');
    expect(failures).toContain('case 1: receiptV1Production differs');
  });

  it('reports a key possession proof that no longer holds', async () => {
    const failures = await failuresAfter((cases) => {
      const [c0, c1] = cases as { keyBinding: { keys: { boxPublicKey: string } } }[];
      c1!.keyBinding.keys.boxPublicKey = c0!.keyBinding.keys.boxPublicKey;
    });
    expect(failures).toContain('case 1: key possession proof');
  });
});
