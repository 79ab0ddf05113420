// Types of build-identity.js, for the server, which reads the same commit the build records.
export function pinnedKey(): string | undefined;
export function sourceCommit(): { commit: string; dirty: boolean };
export function versionName(): string;
export function buildDir(): string;
