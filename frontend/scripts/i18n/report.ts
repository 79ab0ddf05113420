// npm run i18n:report: each language's completeness, as the build prints it (exit 1 on errors).
import { checkCatalogues } from './vite-plugin.ts';

const { lines, failed } = await checkCatalogues();
for (const line of lines) console.log(line);
process.exit(failed ? 1 : 0);
