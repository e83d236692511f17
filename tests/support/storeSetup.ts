/**
 * Runs before every workers test file, in that file's own storage: applies the D1 migrations and
 * publishes content/ through the real publish library, as `npm run dev` does before serving.
 */
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { readContentFiles } from "../../src/commands/contentFiles";
import { publishContent } from "../../src/commands/publishContent";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
const files = await readContentFiles();
await publishContent(env.DB, files.entries, { now: Date.now() }, files.problems);
