export { createApp, type AppDeps, type RecoupApp } from './app.ts';
export { startApi, type RunningApi, type StartApiOptions } from './main.ts';
export { startMailSink, MAIL_SINK_MAX_BYTES, type MailSink, type MailSinkOptions } from './mail-sink/mail-sink.ts';
export { hashPassword, verifyPassword } from './auth/passwords.ts';
export { createLogger, silentLogger, type Logger } from './http/logger.ts';
export { ApiError } from './errors.ts';
