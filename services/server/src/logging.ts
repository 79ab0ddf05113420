import { logLevels, type LogLevel } from './config.ts';

type Line = (line: string) => void;
const drop: Line = () => undefined;

/** The desk's operational lines at `level` or above go to `log`; the others are dropped. */
export function deskLogger(log: Line, level: LogLevel): { info: Line; warn: Line; error: Line } {
  const at = (wanted: LogLevel) =>
    logLevels.indexOf(wanted) >= logLevels.indexOf(level) ? log : drop;
  return { info: at('info'), warn: at('warn'), error: at('error') };
}
