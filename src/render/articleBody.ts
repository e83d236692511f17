import type { Article, Block } from "../content/articleSchema";
import { html, type SafeHtml } from "./html";

/** One body block as HTML. Class names carry the `ew-` prefix so host pages can style them. */
function blockHtml(block: Block): SafeHtml {
	switch (block.type) {
		case "paragraph":
			return html`<p class="ew-paragraph">${block.text}</p>`;
		case "heading":
			return html`<h2 class="ew-subheading">${block.text}</h2>`;
		case "mediaCaption":
			// The media itself is not part of the content (no URL exists): only its caption and credit.
			return html`<figure class="ew-media ew-media-${block.media}"><figcaption class="ew-caption">${block.caption} <span class="ew-media-credit">- ${block.credit}</span></figcaption></figure>`;
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
