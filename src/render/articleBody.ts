import type { Article, Block, MediaKind } from "../content/articleSchema";
import { html, type SafeHtml } from "./html";

/**
 * What a caption belonged to, in plain words: the media is not part of the article (no URL exists)
 * and none is invented, so the caption says what it described rather than pretending to show it.
 */
const MEDIA_WORDS: Record<MediaKind, string> = {
	video: "Bij een video die hier niet te zien is",
	image: "Bij een foto die hier niet te zien is",
	audio: "Bij een geluidsfragment dat hier niet te horen is",
};

/** One body block as HTML. Class names carry the `ew-` prefix so host pages can style them. */
function blockHtml(block: Block): SafeHtml {
	switch (block.type) {
		case "paragraph":
			return html`<p class="ew-paragraph">${block.text}</p>`;
		case "heading":
			return html`<h2 class="ew-subheading">${block.text}</h2>`;
		case "mediaCaption":
			// A plain paragraph, labelled: never a figure or a quote, which would promise the media.
			return html`<p class="ew-media-caption ew-media-${block.media}"><span class="ew-media-kind">${MEDIA_WORDS[block.media]}:</span> ${block.caption} <span class="ew-media-credit">- ${block.credit}</span></p>`;
	}
}

/** The article's body blocks, in order. */
export function articleBodyHtml(article: Article): SafeHtml {
	return html`${article.body.map((block) => html`${blockHtml(block)}\n`)}`;
}

/** The visible credit, `Bron: NOS`, linking to the source. */
export function sourceCreditHtml(article: Article): SafeHtml {
	return html`<span class="ew-source">Bron: <a class="ew-source-link" href="${article.source.url}">${article.source.name}</a></span>`;
}
