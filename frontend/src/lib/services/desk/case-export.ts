// The case file export: every evidence file downloaded and decrypted (for its SHA-256), the PDF
// built here from what the page decrypted, then the export recorded by the desk, and only then
// the file offered. The PDF, the decrypted files and their hashes never leave the browser; the
// desk learns that this investigator exported this case, nothing more (SECURITY.md, Insiders).
import { plainCopy } from '$lib/crypto';
import { deskApi } from '$lib/api/desk';
import { caseFileModel, type ExportedEvidence } from '$lib/casefile/model';
import { pageLanguage } from '$lib/state/page-language.svelte';
import { decryptEvidence, type LoadedDeskCase } from './case';

export type ExportProgress =
  { step: 'evidence'; done: number; total: number } | { step: 'building' };

export interface ExportedCaseFile {
  url: string;
  name: string;
}

export async function exportCaseFile(
  loaded: LoadedDeskCase,
  options: {
    people: Readonly<Record<string, string>>;
    exportedBy: string;
    onProgress: (progress: ExportProgress) => void;
  },
): Promise<ExportedCaseFile | 'failed'> {
  // Loaded on demand: pdf-lib, fontkit and the fonts are for the few who export.
  const [{ buildCaseFilePdf, sha256Hex }, { caseFileFonts }] = await Promise.all([
    import('$lib/casefile/pdf'),
    import('$lib/casefile/fonts'),
  ]);
  const file = loaded.file;
  const evidence: ExportedEvidence[] = [];
  for (const [i, item] of file.evidence.entries()) {
    options.onProgress({ step: 'evidence', done: i, total: file.evidence.length });
    const header = plainCopy(item.header);
    const opened = await decryptEvidence(loaded, item.evidenceId, header, () => undefined);
    if (!opened) return 'failed';
    const bytes = await opened.arrayBuffer();
    evidence.push({
      name: opened.name,
      type: opened.type,
      size: bytes.byteLength,
      sha256: await sha256Hex(bytes),
    });
  }
  options.onProgress({ step: 'building' });
  let pdf: Uint8Array<ArrayBuffer>;
  try {
    const model = caseFileModel({
      file,
      opened: loaded.opened,
      evidence,
      people: options.people,
      exportedBy: options.exportedBy,
      exportedAt: new Date(),
      language: pageLanguage.current,
    });
    pdf = new Uint8Array(await buildCaseFilePdf(model, await caseFileFonts()));
  } catch {
    return 'failed';
  }
  // Recorded before the file is offered: without the record, no file.
  const recorded = await deskApi.recordExport(file.reportId);
  if (!recorded.ok) return 'failed';
  return {
    url: URL.createObjectURL(new Blob([pdf], { type: 'application/pdf' })),
    name: `case-${file.reportId.slice(0, 8)}.pdf`,
  };
}
