/**
 * HTTP pieces that intake and desk share: the problem response writer, body-parser error
 * mapping, storage-fault classification and the evidence blob sender. Each service keeps its own problem catalogue.
 */
export { parserProblem, writeProblem, type ParserProblem, type ProblemEntry } from './problem.ts';
export { STORAGE_RETRY_AFTER_SECONDS, storageFault, type StorageFault } from './storage-fault.ts';
export { BlobChangedError, sendBlob, type BlobReadStream } from './send-blob.ts';
export { JsonTooDeepError, MAX_JSON_DEPTH, verifyJsonDepth } from './json-depth.ts';
export {
  HttpProblem,
  defineProblems,
  errorClass,
  problemCatalogue,
  type CommonProblem,
  type ProblemCatalogue,
  type ProblemCatalogueOptions,
} from './problem-catalogue.ts';
export { InvalidRequestError, parseRequest, systemClock, type Clock, type Ids } from './request.ts';
export {
  apiOnlyCsp,
  cspHeader,
  isolation,
  isolationHeaders,
  permissionsPolicy,
  permissionsPolicyValue,
  type CspDirectives,
} from './security-headers.ts';
export { observeAnswers, type AnsweredRequest, type RequestObserver } from './answered.ts';
