/**
 * The links between the pages of a listing or of search results: rel="prev" and rel="next"
 * (HTML, "Link types"), the way readers and browsers find them, and which page this is.
 */
import { html, type SafeHtml } from "./html";

export interface PageLinks {
	/** This page (from 1) and how many there are. */
	readonly page: number;
	readonly pages: number;
	/** The absolute URLs of the pages before and after this one, where there are. */
	readonly prev: string | undefined;
	readonly next: string | undefined;
}

/** What the links say: "Nieuwer" and "Ouder" on listings, "Vorige" and "Volgende" on searches. */
export interface PageLinkWords {
	readonly prev: string;
	readonly next: string;
}

/** The navigation between pages; nothing when there is only one. */
export function paginationNav(links: PageLinks, words: PageLinkWords): SafeHtml {
	if (links.pages <= 1) return html``;
	const prev =
		links.prev === undefined ? "" : html`<a rel="prev" href="${links.prev}">${words.prev}</a> `;
	const next =
		links.next === undefined ? "" : html` <a rel="next" href="${links.next}">${words.next}</a>`;
	return html`<nav class="ew-pagination" aria-label="Paginering">${prev}<span class="ew-page">Pagina ${links.page} van ${links.pages}</span>${next}</nav>\n`;
}
