/**
 * Logging: pino JSON lines. Every secret-bearing key is redacted wherever it appears, so a
 * credential that slips into a logged object still never reaches the log.
 */
import pino, { type Logger } from 'pino';

export const REDACTED_KEYS = [
  'password', 'secret', 'token', 'apiKey', 'api_key', 'clientSecret', 'client_secret', 'credentials',
  'authorization', 'cookie', 'set-cookie', 'x-api-key', 'sharedSecret', 'adminKey',
];

const paths = [
  ...REDACTED_KEYS.map((k) => `*.${k}`),
  ...REDACTED_KEYS.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths, censor: '[redacted]' }, base: { service: 'manifold' } }, destination);
}
