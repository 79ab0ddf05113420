// Regenerates test-vectors/protocol-v1.json with injected randomness. Run after a deliberate
// format change only: `npx tsx services/protocol/test/vectors/generate.ts`. It refuses to
// write unless both backends produce the identical document.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLibsodiumBackend } from '../../src/backend/libsodium.ts';
import { createNobleBackend } from '../../src/backend/noble.ts';
import { buildVectors } from './cases.ts';

const fromLibsodium = JSON.stringify(await buildVectors(await createLibsodiumBackend()), null, 2);
const fromNoble = JSON.stringify(await buildVectors(createNobleBackend()), null, 2);
if (fromLibsodium !== fromNoble) {
  console.error('backends disagree; not writing vectors');
  process.exit(1);
}
const path = join(import.meta.dirname, '..', '..', 'test-vectors', 'protocol-v1.json');
writeFileSync(path, `${fromLibsodium}\n`);
console.log(`wrote ${path}`);
