import type { Mailer } from '@integrity-desk/reports';
import { createTransport } from 'nodemailer';

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS is required when the server offers it. */
  readonly secure: boolean;
  readonly user: string | undefined;
  readonly password: string | undefined;
  readonly from: string;
}

/**
 * The notifier's mail transport: nodemailer over SMTP. Only the fixed texts of
 * services/reports/src/notifications/message.ts pass through it; a failure rejects and the
 * notifier retries at its next run.
 */
export function smtpMailer(settings: SmtpSettings): Mailer & { close(): void } {
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user !== undefined && {
      auth: { user: settings.user, pass: settings.password ?? '' },
    }),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    // nodemailer logs nothing of its own unless asked to.
    logger: false,
  });
  return {
    async send(message) {
      await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        date: message.date,
      });
    },
    close: () => transport.close(),
  };
}
