/**
 * The editors' preview documents (README, "Scheduling and previews"), loaded and rendered here
 * like every other document: an article before (or after) its instant, and the sign-in form.
 * Previews are never kept: each is read from the store when asked for, as editors expect to see
 * their latest publish.
 */
import { imageOrigins } from "../render/leadImage";
import { previewForm, previewPage } from "../render/previewPage";
import type { Site } from "../site/siteSchema";
import { storedArticle } from "../store/articleLookup";

export interface PreviewDocument {
	readonly body: string;
	/** Origins of the images the page shows (its CSP img-src). */
	readonly imageOrigins: readonly string[];
}

/**
 * The preview of the stored article `slug` as of `now`, scheduled or public, or undefined when no
 * article of that slug is stored (withdrawn or never published).
 */
export async function loadPreview(
	site: Site,
	db: D1Database,
	slug: string,
	now: number,
): Promise<PreviewDocument | undefined> {
	const stored = await storedArticle(db, slug);
	if (stored === undefined) return undefined;
	const { article } = stored;
	const isPublic = article.published.instant.getTime() <= now;
	return {
		body: previewPage(site, article, isPublic).toString(),
		imageOrigins: imageOrigins(article),
	};
}

const forms = new WeakMap<Site, { readonly blank: string; readonly refused: string }>();

/**
 * The sign-in form, blank or saying that there is no preview for that slug with that key: it
 * depends on the settings alone, so each is rendered once per isolate.
 */
export function previewSignInForm(
	site: Site,
	options: { readonly refused?: boolean } = {},
): string {
	let rendered = forms.get(site);
	if (rendered === undefined) {
		rendered = {
			blank: previewForm(site).toString(),
			refused: previewForm(site, { refused: true }).toString(),
		};
		forms.set(site, rendered);
	}
	return options.refused === true ? rendered.refused : rendered.blank;
}
