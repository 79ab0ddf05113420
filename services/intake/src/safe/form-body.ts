/**
 * A posted form (multipart/form-data or urlencoded), parsed in memory with @fastify/busboy and
 * never written anywhere: what a whistleblower types and attaches here is plaintext, so no temp
 * file, no disk buffer. Bounded: the declared length is refused before anything is read, and a
 * body that grows past `maxBodyBytes` (fields and files together), more files than `maxFiles` or
 * more fields than a questionnaire has is cut off and refused. The bound counts the body's bytes
 * as they arrive (the multipart framing included), so a part that never ends is refused too.
 */
import { Busboy } from '@fastify/busboy';
import type { Request } from 'express';
import { ProblemError } from '../http/problem.ts';

export interface FormFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Buffer;
}

export interface PostedForm {
  readonly fields: ReadonlyMap<string, string>;
  readonly files: readonly FormFile[];
}

export interface FormLimits {
  readonly maxBodyBytes: number;
  readonly maxFiles: number;
}

const MAX_FIELDS = 200;
const MAX_FIELD_BYTES = 256 * 1024;

export function readForm(req: Request, limits: FormLimits): Promise<PostedForm> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limits.maxBodyBytes) return Promise.reject(new ProblemError('tooLarge'));
  const type = req.headers['content-type'] ?? '';
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type))
    return Promise.reject(new ProblemError('unsupportedMediaType'));

  return new Promise((resolve, reject) => {
    const fields = new Map<string, string>();
    const files: FormFile[] = [];
    let total = 0;
    let failed = false;
    const fail = (kind: 'tooLarge' | 'invalidRequest') => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      // The rest of the body is never read: the connection closes after the answer.
      req.resume();
      reject(new ProblemError(kind));
    };
    const count = (n: number) => {
      total += n;
      if (total > limits.maxBodyBytes) fail('tooLarge');
    };

    let parser: ReturnType<typeof Busboy>;
    try {
      parser = Busboy({
        headers: { ...req.headers, 'content-type': type },
        limits: {
          fileSize: limits.maxBodyBytes,
          files: limits.maxFiles,
          fields: MAX_FIELDS,
          fieldSize: MAX_FIELD_BYTES,
          parts: MAX_FIELDS + limits.maxFiles,
        },
      });
    } catch {
      reject(new ProblemError('invalidRequest'));
      return;
    }
    parser.on('field', (name, value, _nameCut, valueCut) => {
      if (valueCut) return fail('tooLarge');
      fields.set(name, value);
    });
    parser.on('file', (_field, stream, filename, _encoding, mimeType) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!failed) chunks.push(chunk);
      });
      stream.on('limit', () => fail('tooLarge'));
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        // An empty file input still sends a part, with no name and no bytes.
        if (filename !== '' || bytes.length > 0)
          files.push({ name: filename || 'file', type: mimeType, bytes });
      });
    });
    parser.on('filesLimit', () => fail('tooLarge'));
    parser.on('fieldsLimit', () => fail('tooLarge'));
    parser.on('partsLimit', () => fail('tooLarge'));
    parser.on('error', () => fail('invalidRequest'));
    parser.on('finish', () => {
      if (!failed) resolve({ fields, files });
    });
    req.on('error', () => fail('invalidRequest'));
    // The body as it arrives, not the parts once parsed: a field is only handed over when it
    // ends, so a field that keeps growing would otherwise never be counted while it streams.
    req.on('data', (chunk: Buffer) => count(chunk.length));
    req.pipe(parser);
  });
}
