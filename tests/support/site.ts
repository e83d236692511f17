/** The site and content as the Worker under test sees them, for comparing responses against. */
import { env } from "cloudflare:workers";
import siteInput from "../../content/site";
import { readContentFiles } from "../../src/commands/contentFiles";
import type { Article } from "../../src/content/articleSchema";
import { loadArticles } from "../../src/content/loadContent";
import type { Env } from "../../src/env";
import { resolveSite } from "../../src/site/resolveSite";
import type { Site } from "../../src/site/siteSchema";

export const testEnv: Env = env;
export const site: Site = resolveSite(siteInput, testEnv);
/** Every article of content/, validated as `npm run publish` validates it, newest first. */
export const articles: readonly Article[] = loadArticles((await readContentFiles()).entries);
export const seedArticle = articles[0] as Article;

export function url(path: string): string {
	return `${site.origin}${path}`;
}
