import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP server received it: its envelope recipients and its raw text. */
export interface Delivered {
  readonly to: string[];
  readonly raw: string;
}

export interface SmtpSink {
  readonly port: number;
  /** Every message received, in order (the array fills as they arrive). */
  readonly delivered: Delivered[];
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on a free loopback port, without STARTTLS or authentication,
 * keeping every message it receives: what the notification tests read back.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const delivered: Delivered[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        delivered.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    port: (smtp.server.address() as AddressInfo).port,
    delivered,
    close: () => new Promise<void>((resolve) => smtp.close(resolve)),
  };
}
