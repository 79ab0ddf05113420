import { POW_CAP_BITS } from './pow/cap.ts';

/**
 * Limits and parameters of the public service. Every value here is a documented abuse control
 * (SECURITY.md, "Public endpoints"); the composition root may override them, tests shrink them.
 */
export interface PowConfig {
  /** Leading zero bits asked for while attempts arrive at or below `normalRatePerMinute`. */
  readonly baseBits: number;
  /** Floor and ceiling of the adaptive difficulty (the ceiling never above POW_CAP_BITS). */
  readonly minBits: number;
  readonly maxBits: number;
  /**
   * Attempts a minute whose proof of work passed (submissions and session starts, from everyone)
   * above which the difficulty rises, one bit per doubling. A challenge is checked against the
   * going difficulty when it is spent, so one solved while it was quiet cannot be kept for a flood.
   */
  readonly normalRatePerMinute: number;
  /** How long a challenge may be solved and used (if the difficulty has not risen above it). */
  readonly ttlMs: number;
  /**
   * Spent challenges remembered in this process's memory at most (memory bound under attack; with
   * the session bound it sizes the in-memory shared state, whose guards fail closed when full).
   */
  readonly maxSpent: number;
}

export interface Argon2Settings {
  /** Argon2id memory in KiB, iterations and parallelism the browser uses to stretch a receipt. */
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

export interface RateLimitConfig {
  readonly windowMs: number;
  /**
   * Submissions whose proof of work passed, from everyone together. Requests that fail before
   * (empty, malformed, unsolved) count towards nothing: a flood that pays nothing closes nothing.
   */
  readonly submitPerWindow: number;
  /** Session attempts whose proof of work passed, from everyone together (same rule). */
  readonly sessionGlobalPerWindow: number;
  /** Writes (messages, upload chunks) within one report's session. */
  readonly writesPerReportPerWindow: number;
}

/**
 * The no-JavaScript path (safe/): plain HTML forms the server seals on arrival. A browser without
 * scripts cannot pay proof of work, so these bounds are what keeps a flood off it.
 */
export interface SafeFormConfig {
  /** Largest form body (answers and files together), parsed in memory, never on disk. */
  readonly maxBodyBytes: number;
  /** Most files one form may carry. */
  readonly maxFiles: number;
  /**
   * Forms parsed and sealed at once in this process: each holds its body in memory and derives a
   * receipt (Argon2id), so this bounds the memory and CPU a flood of forms can take.
   */
  readonly concurrent: number;
  /** Reports sent through the forms, from everyone together, per rate-limit window. */
  readonly submitPerWindow: number;
  /** Returns with a receipt through the forms (each derives keys), from everyone, per window. */
  readonly returnPerWindow: number;
}

export interface IntakeConfig {
  readonly pow: PowConfig;
  readonly safe: SafeFormConfig;
  readonly argon2: Argon2Settings;
  readonly rateLimits: RateLimitConfig;
  /** Largest JSON body (submission envelope with its padding). */
  readonly maxJsonBytes: number;
  /** Largest evidence chunk. */
  readonly maxChunkBytes: number;
  /** Total evidence ciphertext per report. */
  readonly maxEvidenceBytesPerReport: number;
  /** Most attachments per report. */
  readonly maxEvidenceFiles: number;
  readonly sessionIdleMs: number;
  readonly sessionChallengeTtlMs: number;
  readonly maxSessions: number;
  /** An unfinished upload untouched (no chunk) this long is abandoned and removed. */
  readonly uploadExpiryMs: number;
  /** How often abandoned uploads are looked for (also once at start). */
  readonly uploadSweepIntervalMs: number;
  /** Express `trust proxy`: off unless the deployment sits behind a proxy it controls. */
  readonly trustProxy: boolean | number | string;
}

const MiB = 1024 * 1024;

export const defaultIntakeConfig: IntakeConfig = {
  pow: {
    // 2^16 SHA-256 calls: under 3 s in the phone profile (bench:pow), no wasm needed.
    baseBits: 16,
    minBits: 12,
    // What the phone profile pays in about 10 s (pow/cap.ts); beyond it, the rate limits.
    maxBits: POW_CAP_BITS,
    normalRatePerMinute: 30,
    ttlMs: 10 * 60_000,
    maxSpent: 200_000,
  },
  argon2: { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 },
  safe: {
    // A few photos or documents: larger evidence needs the JavaScript path (chunked, resumable).
    maxBodyBytes: 25 * MiB,
    maxFiles: 5,
    concurrent: 4,
    submitPerWindow: 30,
    returnPerWindow: 120,
  },
  rateLimits: {
    windowMs: 60_000,
    submitPerWindow: 600,
    sessionGlobalPerWindow: 1_200,
    writesPerReportPerWindow: 600,
  },
  maxJsonBytes: 2 * MiB,
  maxChunkBytes: 1 * MiB,
  maxEvidenceBytesPerReport: 100 * MiB,
  maxEvidenceFiles: 100,
  sessionIdleMs: 30 * 60_000,
  sessionChallengeTtlMs: 2 * 60_000,
  maxSessions: 10_000,
  // Uploads over Tor can take an hour and resume after a dropped connection, or the next day:
  // only a day without a single chunk counts as abandoned.
  uploadExpiryMs: 24 * 60 * 60_000,
  uploadSweepIntervalMs: 60 * 60_000,
  trustProxy: false,
};

export type IntakeConfigOverrides = {
  readonly [K in keyof IntakeConfig]?: IntakeConfig[K] extends object
    ? Partial<IntakeConfig[K]>
    : IntakeConfig[K];
};

export function resolveConfig(overrides: IntakeConfigOverrides = {}): IntakeConfig {
  return {
    ...defaultIntakeConfig,
    ...overrides,
    pow: { ...defaultIntakeConfig.pow, ...overrides.pow },
    safe: { ...defaultIntakeConfig.safe, ...overrides.safe },
    argon2: { ...defaultIntakeConfig.argon2, ...overrides.argon2 },
    rateLimits: { ...defaultIntakeConfig.rateLimits, ...overrides.rateLimits },
  } as IntakeConfig;
}
