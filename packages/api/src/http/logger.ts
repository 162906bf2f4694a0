// The API logs through the server processes' one logger (pino, with request ids); see @recoup/config.
export { createLogger, silentLogger, type Logger } from '@recoup/config';
