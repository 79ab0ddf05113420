// Picks the backend: libsodium where WebAssembly really runs, the pure-JS backend elsewhere.
import { createLibsodiumBackend } from './libsodium.ts';
import { createNobleBackend } from './noble.ts';
import type { CryptoBackend } from './types.ts';

// The smallest valid module: "\0asm" and version 1.
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * True when WebAssembly exists and can compile and instantiate a module. Tor Browser's "Safer"
 * level and `--jitless` V8 remove the global or make instantiation throw; libsodium.js 0.8 is
 * wasm-only and would abort there, so we test before importing it.
 */
export function webAssemblyWorks(): boolean {
  try {
    if (typeof WebAssembly !== 'object' || WebAssembly === null) return false;
    const module = new WebAssembly.Module(EMPTY_WASM_MODULE);
    new WebAssembly.Instance(module);
    return true;
  } catch {
    return false;
  }
}

export interface LoadBackendOptions {
  /** Force a backend (tests, benchmarks). Default: libsodium if WebAssembly works. */
  prefer?: 'libsodium' | 'noble';
}

export async function loadBackend(options: LoadBackendOptions = {}): Promise<CryptoBackend> {
  if (options.prefer === 'noble') return createNobleBackend();
  if (options.prefer === 'libsodium') return createLibsodiumBackend();
  if (!webAssemblyWorks()) return createNobleBackend();
  try {
    return await createLibsodiumBackend();
  } catch {
    // WebAssembly present but libsodium failed to start (e.g. a CSP without wasm-unsafe-eval).
    return createNobleBackend();
  }
}
