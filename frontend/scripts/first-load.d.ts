export declare const BUDGET: number;
export interface FirstLoad {
  files: number;
  raw: number;
  gzip: number;
}
export declare function pageFirstLoad(
  build: string,
  page: string,
): FirstLoad & { page: string; paths: Set<string> };
export declare function localeChunks(build: string): Map<string, string>;
export declare function languageFirstLoads(build: string): (FirstLoad & { code: string })[];
