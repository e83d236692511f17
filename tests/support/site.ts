/** The site and content as the Worker under test sees them, for comparing responses against. */
import { env } from "cloudflare:workers";
import { articleEntries } from "../../content/articles";
import siteInput from "../../content/site";
import type { Article } from "../../src/content/articleSchema";
import { loadArticles } from "../../src/content/loadContent";
import type { Env } from "../../src/env";
import { resolveSite } from "../../src/site/resolveSite";
import type { Site } from "../../src/site/siteSchema";

export const testEnv: Env = env;
export const site: Site = resolveSite(siteInput, testEnv);
export const articles: readonly Article[] = loadArticles(articleEntries);
export const seedArticle = articles[0] as Article;

export function url(path: string): string {
	return `${site.origin}${path}`;
}
