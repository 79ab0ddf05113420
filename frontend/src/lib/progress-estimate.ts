// How long a slow derivation has left, in words, from how far it is and how long it has run.
// Argon2id without WebAssembly (Tor Browser "Safer", a phone) runs for seconds to minutes: the
// page says roughly how long, and the line changes every second even when the bar barely moves.
import { t } from './i18n';

/** Below this fraction a projection swings too much to say; the time so far is said instead. */
const MIN_FRACTION = 0.03;

export function progressEstimate(elapsedMs: number, fraction: number): string {
  const elapsed = Math.floor(elapsedMs / 1000);
  if (fraction < MIN_FRACTION || fraction >= 1 || elapsedMs < 1000) {
    return t('progress.elapsed', { seconds: elapsed });
  }
  const left = Math.max(1, Math.ceil((elapsedMs * (1 - fraction)) / fraction / 1000));
  return left >= 90
    ? t('progress.minutesLeft', { minutes: Math.round(left / 60), seconds: elapsed })
    : t('progress.secondsLeft', { left, seconds: elapsed });
}
