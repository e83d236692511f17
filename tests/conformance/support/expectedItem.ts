/**
 * What a reader must find for an article, derived from the content module alone (not from the
 * renderers), so a renderer bug cannot hide behind its own expectation.
 */
import siteInput from "../../../content/site";
import type { Article } from "../../../src/content/articleSchema";
import { collapseWhitespace } from "../../support/seed";

export interface ExpectedItem {
	readonly title: string;
	readonly link: string;
	readonly id: string;
	readonly published: string;
	readonly language: string;
	readonly author: string;
	/** Every body block in order, then the credit line, whitespace collapsed. */
	readonly contentText: string;
	/** The lead image's URL. */
	readonly image: string | undefined;
}

/** How a caption says what it belonged to (docs/formats.md): the media itself is never shown. */
const CAPTION_LABELS = {
	video: "Bij een video die hier niet te zien is",
	image: "Bij een foto die hier niet te zien is",
	audio: "Bij een geluidsfragment dat hier niet te horen is",
} as const;

export function expectedItem(origin: string, article: Article): ExpectedItem {
	const blocks = article.body.map((block) =>
		block.type === "mediaCaption"
			? `${CAPTION_LABELS[block.media]}: ${block.caption} - ${block.credit}`
			: block.text,
	);
	return {
		title: article.headline,
		link: `${origin}/articles/${article.slug}`,
		id: `tag:${siteInput.idAuthority},${siteInput.idDate}:articles/${article.slug}`,
		published: article.published.instant.toISOString(),
		language: article.language,
		author: article.source.name,
		contentText: collapseWhitespace([...blocks, `Bron: ${article.source.name}`].join(" ")),
		image: article.image?.url,
	};
}
