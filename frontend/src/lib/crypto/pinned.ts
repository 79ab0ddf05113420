/// <reference types="vite/client" />
// Kept free of the protocol package: every page reads the pinned key (the unpinned banner), and
// only the worker follows rotations (trusted-key.ts), so libsodium is never in a page's chunk.

/**
 * The deployment's signing public key, pinned into the build (VITE_DEPLOYMENT_SIGN_PUBLIC_KEY at
 * `vite build`): recipient lists must verify against it, so a server cannot swap in its own
 * recipient key. A build without it falls back to the key the deployment announces (trust on
 * first use), which protects against nothing the server does; production builds must pin it.
 */
export function pinnedDeploymentKey(): string | undefined {
  const key = import.meta.env.VITE_DEPLOYMENT_SIGN_PUBLIC_KEY as string | undefined;
  return key && key.length > 0 ? key : undefined;
}
