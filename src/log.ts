import pino, { type Logger } from 'pino';

/** Every path where a token could appear in a log object. */
const redactPaths = [
  'token',
  '*.token',
  '*.*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'config.DISCORD_TOKEN',
  'headers.authorization',
  '*.headers.authorization',
  'authorization',
  '*.authorization',
];

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name: 'parley',
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
  };
  if (destination) return pino(options, destination);
  if (process.stderr.isTTY) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } });
  }
  return pino(options, pino.destination(2));
}
