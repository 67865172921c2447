/**
 * What `npm start` shows of its services' output: pino's JSON lines read as one sentence
 * each, warnings and errors named as such, and a child's own "[name]" prefixes folded into
 * the one the stack adds.
 */

/** pino's numeric levels, as a person reads them. */
const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warning',
  50: 'error',
  60: 'fatal',
};

interface PinoLine {
  level: number;
  msg?: string;
  err?: { message?: string; stack?: string };
  url?: string;
}

function parsePino(line: string): PinoLine | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(line) as Partial<PinoLine>;
    return typeof parsed.level === 'number' ? (parsed as PinoLine) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One line of a service's output as the terminal shows it, prefixed with the service;
 * undefined for a blank line (a prefix alone says nothing).
 */
export function readableLine(service: string, line: string): string | undefined {
  const pino = parsePino(line);
  if (!pino) {
    const text = line.replace(/^(\[[\w-]+\] ?)+/, '');
    return text.trim() === '' ? undefined : `[${service}] ${text}`;
  }
  const level = LEVELS[pino.level] ?? `level ${pino.level}`;
  const label = pino.level >= 40 ? `${level}: ` : '';
  const message = [pino.msg, pino.url, pino.err?.message].filter(Boolean).join(' — ');
  // The stack's first line repeats the message.
  const stack =
    pino.level >= 50 && pino.err?.stack
      ? `\n${pino.err.stack.split('\n').slice(1).join('\n')}`
      : '';
  return `[${service}] ${label}${message}${stack}`;
}
