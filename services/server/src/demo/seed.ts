/**
 * `npm start -- --demo`: seeds a demonstration deployment for evaluation, through the desk's own
 * HTTP API on loopback, exactly as an administrator's browser would (keys and vault made here
 * with the protocol package, the recipient list signed with the administrator's key). Every page
 * then shows a "demonstration" banner. Never use a demo deployment for real reports: its
 * credentials are printed to the console.
 */
import {
  VAULT_ARGON2_PARAMS,
  createVault,
  proveKeyPossession,
  openVault,
  generateDeploymentKey,
  sealDeploymentKey,
  signRecipientList,
  unlockVaultWithPassword,
  type CryptoBackend,
} from '@integrity-desk/protocol';
import { TOTP } from 'otpauth';
import { randomBytes, randomUUID } from 'node:crypto';

export interface DemoCredentials {
  handle: string;
  password: string;
  totpSecret: string;
  recoveryKey: string;
  channelName: string;
  /**
   * When the investigator's authenticator shows a code the desk takes: the demo's own sign-in
   * used the step in progress, and the desk refuses a step used before.
   */
  firstCodeAt: Date;
}

const TOTP_STEP_MS = 30_000;

/** The demo channel asks in English, Afrikaans and German (issue 16). */
const questionnaire = {
  defaultLanguage: 'en',
  questions: [
    {
      id: 'what',
      kind: 'longtext',
      required: true,
      text: {
        en: { label: 'What happened?' },
        af: { label: 'Wat het gebeur?' },
        de: { label: 'Was ist passiert?' },
      },
    },
    {
      id: 'who',
      kind: 'text',
      required: true,
      text: {
        en: { label: 'Which organisation or office is involved?' },
        af: { label: 'Watter organisasie of kantoor is betrokke?' },
        de: { label: 'Welche Organisation oder Behörde ist beteiligt?' },
      },
    },
    {
      id: 'when',
      kind: 'date',
      required: false,
      text: {
        en: { label: 'When did it start?' },
        af: { label: 'Wanneer het dit begin?' },
        de: { label: 'Wann hat es angefangen?' },
      },
    },
    {
      id: 'ongoing',
      kind: 'choice',
      required: false,
      options: ['yes', 'no', 'unknown'],
      text: {
        en: {
          label: 'Is it still going on?',
          options: { yes: 'Yes', no: 'No', unknown: 'I do not know' },
        },
        af: {
          label: 'Gaan dit nog aan?',
          options: { yes: 'Ja', no: 'Nee', unknown: 'Ek weet nie' },
        },
        de: {
          label: 'Dauert es noch an?',
          options: { yes: 'Ja', no: 'Nein', unknown: 'Ich weiß es nicht' },
        },
      },
    },
  ],
};

class DeskClient {
  cookie = '';
  constructor(private readonly origin: string) {}

  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    ifMatch?: string,
  ): Promise<{ body: T; etag: string }> {
    const res = await fetch(`${this.origin}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'x-integrity-desk': '1',
        origin: this.origin,
        ...(this.cookie && { cookie: this.cookie }),
        ...(ifMatch && { 'if-match': ifMatch }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    if (!res.ok) throw new Error(`demo setup: ${method} ${path} answered ${res.status}`);
    const text = await res.text();
    return { body: (text ? JSON.parse(text) : {}) as T, etag: res.headers.get('etag') ?? '' };
  }
}

export async function seedDemo(
  deskOrigin: string,
  setupToken: string,
  backend: CryptoBackend,
): Promise<DemoCredentials> {
  const desk = new DeskClient(deskOrigin);
  const handle = 'demo-investigator';
  const password = randomBytes(12).toString('base64url');
  const investigatorId = randomUUID();
  const created = await createVault(backend, {
    investigatorId,
    password,
    params: VAULT_ARGON2_PARAMS,
  });

  // The deployment key is its own, as in the browser's setup: sealed to this administrator.
  const deployment = generateDeploymentKey(backend);
  const setup = await desk.call<{ enrolmentCode: string; totp: { secret: string } }>(
    'POST',
    '/api/setup',
    {
      setupToken,
      deploymentSignPublicKey: deployment.publicKey,
      deploymentKey: sealDeploymentKey(backend, {
        seed: deployment.seed,
        administratorId: investigatorId,
        boxPublicKey: created.keys.boxPublicKey,
      }),
      administrator: {
        investigatorId,
        handle,
        loginSecret: created.loginSecret,
        vault: created.vault,
        keyProof: proveKeyPossession(backend, {
          investigatorId,
          boxSecretKey: created.keys.boxSecretKey,
          signSeed: created.keys.signSeed,
        }),
      },
    },
  );
  const totp = new TOTP({ secret: setup.body.totp.secret });
  // The desk accepts a code once, and only a later step after it (replay guard), one step of
  // drift either way. Enrolment takes the previous step's code and sign-in the current one, so
  // the demo uses no step ahead of now and never waits for one.
  const now = Date.now();
  await desk.call('POST', '/api/enrolment/totp', {
    investigatorId,
    enrolmentCode: setup.body.enrolmentCode,
    code: totp.generate({ timestamp: now - TOTP_STEP_MS }),
  });
  // Sign in as the investigator would: stretch the password to the login secret, then TOTP.
  const unlock = await unlockVaultWithPassword(backend, created.vault.kdf, password);
  const signInAt = Date.now();
  await desk.call('POST', '/api/session', {
    handle,
    loginSecret: unlock.loginSecret,
    totp: totp.generate({ timestamp: signInAt }),
  });
  const keys = openVault(backend, created.vault, unlock);

  const channelName = 'Demonstration: Integrity Namibia coalition';
  const channel = await desk.call<{ channelId: string }>('POST', '/api/channels', {
    name: channelName,
  });
  const { channelId } = channel.body;
  let { etag } = await desk.call('GET', `/api/channels/${channelId}`);
  await desk.call(
    'POST',
    `/api/channels/${channelId}/questionnaire`,
    { version: 1, questionnaire },
    etag,
  );
  etag = (await desk.call('GET', `/api/channels/${channelId}`)).etag;
  const recipientList = signRecipientList(
    backend,
    {
      channelId,
      version: 1,
      recipients: [
        {
          recipientId: investigatorId,
          boxPublicKey: keys.boxPublicKey,
          signPublicKey: keys.signPublicKey,
        },
      ],
    },
    deployment.seed,
  );
  deployment.seed.fill(0);
  await desk.call('POST', `/api/channels/${channelId}/recipients`, { recipientList }, etag);
  await desk.call('DELETE', '/api/session');
  return {
    handle,
    password,
    totpSecret: setup.body.totp.secret,
    recoveryKey: created.recoveryKey,
    channelName,
    firstCodeAt: new Date((Math.floor(signInAt / TOTP_STEP_MS) + 1) * TOTP_STEP_MS),
  };
}
