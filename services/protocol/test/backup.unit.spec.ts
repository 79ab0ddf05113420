import { describe, expect, it } from 'vitest';
import {
  backupRecipient,
  BACKUP_HEADER_BYTES,
  createBackupOpener,
  createBackupSealer,
  WrongBackupKeyError,
} from '../src/backup.ts';
import { DecryptionError, FormatError } from '../src/errors.ts';
import { generateBoxKeyPair } from '../src/keys.ts';
import { bothBackends } from './helpers.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('backup archive frames', async () => {
  for (const backend of await bothBackends()) {
    const operator = generateBoxKeyPair(backend);
    const seal = () => {
      const sealer = createBackupSealer(backend, operator.publicKey);
      const frames = [
        sealer.sealFrame(0, text('first'), false),
        sealer.sealFrame(1, text('second'), true),
      ];
      return { header: sealer.header, frames };
    };

    it(`${backend.name}: opens with the operator's secret key, frame by frame, final flag kept`, () => {
      const { header, frames } = seal();
      expect(header.length).toBe(BACKUP_HEADER_BYTES);
      expect(backupRecipient(header)).toBe(operator.publicKey);
      const opener = createBackupOpener(backend, header, operator.secretKey);
      expect(frames.map((f, i) => opener.openFrame(i, f))).toEqual([
        { plaintext: text('first'), final: false },
        { plaintext: text('second'), final: true },
      ]);
    });

    it(`${backend.name}: refuses another key, naming the key it is sealed to`, () => {
      const { header } = seal();
      const other = generateBoxKeyPair(backend);
      const attempt = () => createBackupOpener(backend, header, other.secretKey);
      expect(attempt).toThrow(WrongBackupKeyError);
      expect(attempt).toThrow(DecryptionError);
    });

    it(`${backend.name}: refuses a changed byte, a swapped frame, a flipped final flag, another header`, () => {
      const { header, frames } = seal();
      const opener = createBackupOpener(backend, header, operator.secretKey);
      const flipped = frames[0]!.slice();
      flipped[5]! ^= 1;
      expect(() => opener.openFrame(0, flipped)).toThrow(DecryptionError);
      expect(() => opener.openFrame(0, frames[1]!)).toThrow(DecryptionError);
      const early = frames[0]!.slice();
      early[0] = 1; // claims to be the last frame: a truncation that would go unnoticed
      expect(() => opener.openFrame(0, early)).toThrow(DecryptionError);
      const second = seal();
      const mixed = createBackupOpener(backend, second.header, operator.secretKey);
      expect(() => mixed.openFrame(0, frames[0]!)).toThrow(DecryptionError);
      const sealedKeyChanged = header.slice();
      sealedKeyChanged[BACKUP_HEADER_BYTES - 1]! ^= 1;
      expect(() => createBackupOpener(backend, sealedKeyChanged, operator.secretKey)).toThrow(
        DecryptionError,
      );
    });

    it(`${backend.name}: says what is not an archive or of an unknown version`, () => {
      expect(() => backupRecipient(text('SQLite format 3\0'.padEnd(200, 'x')))).toThrow(
        FormatError,
      );
      const { header } = seal();
      const future = header.slice();
      future[8] = 2;
      expect(() => backupRecipient(future)).toThrow(/version 2/);
    });
  }
});
