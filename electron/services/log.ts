/** One logger per module. Writes to stderr so the CLI's stdout stays machine-readable. */
export interface Logger {
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

const quiet = () => process.env.FIELDMETER_LOG === 'silent';

export function createLogger(scope: string): Logger {
  const write = (level: string, message: string, rest: unknown[]) => {
    if (quiet() && level !== 'error') return;
    process.stderr.write(`[${level}] ${scope}: ${message}${rest.length ? ' ' + rest.map(String).join(' ') : ''}\n`);
  };
  return {
    info: (m, ...r) => write('info', m, r),
    warn: (m, ...r) => write('warn', m, r),
    error: (m, ...r) => write('error', m, r),
  };
}
