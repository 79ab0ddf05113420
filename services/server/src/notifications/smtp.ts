import type { Mailer } from '@integrity-desk/reports';
import { createTransport } from 'nodemailer';
import { createMessage, encrypt, readKey } from 'openpgp';

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (port 465). */
  readonly secure: boolean;
  /**
   * Without implicit TLS: refuse to send unless the server upgrades with STARTTLS. Otherwise
   * nodemailer sends in clear text to a server that offers no STARTTLS (or to anyone on the path
   * who strips the offer), and the password with it.
   */
  readonly requireTls: boolean;
  readonly user: string | undefined;
  readonly password: string | undefined;
  readonly from: string;
}

/**
 * The notifier's mail transport: nodemailer over SMTP. Only the fixed texts of
 * services/reports/src/notifications/message.ts pass through it, encrypted with openpgp.js to the
 * investigator's key when they registered one; a failure rejects and the
 * notifier retries at its next run.
 */
export function smtpMailer(settings: SmtpSettings): Mailer & { close(): void } {
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: !settings.secure && settings.requireTls,
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
      // With a registered key, the text leaves encrypted to it (inline OpenPGP, armored).
      const text =
        message.pgpKey === undefined
          ? message.text
          : await encrypt({
              message: await createMessage({ text: message.text }),
              encryptionKeys: await readKey({ armoredKey: message.pgpKey }),
            });
      await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text,
        date: message.date,
      });
    },
    close: () => transport.close(),
  };
}
