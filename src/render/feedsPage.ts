/**
 * `/feeds`, for people: every feed the site offers (its own, each section's, each author's), each
 * as a link whose text is its full URL, to copy into a feed reader, with a few words on how.
 */
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { authorChannel, type FeedChannel, sectionChannel, siteChannel } from "./feedChannel";
import { html, type SafeHtml } from "./html";
import { pageLayout } from "./pageLayout";

/** A section or an author as the page lists them. */
export interface ListedFeedOwner {
	readonly segment: string;
	readonly name: string;
}

const FORMATS = [
	["rss", "RSS"],
	["atom", "Atom"],
	["jsonFeed", "JSON Feed"],
] as const;

function feedLinks(channel: FeedChannel): SafeHtml {
	return html`<ul class="ew-feed-links">
${FORMATS.map(([format, label]) => html`<li>${label}: <a href="${channel.self[format]}"><code>${channel.self[format]}</code></a></li>\n`)}</ul>
`;
}

function ownerList(
	heading: string,
	owners: readonly ListedFeedOwner[],
	channel: (owner: ListedFeedOwner) => FeedChannel,
	page: (segment: string) => string,
	site: Site,
): SafeHtml {
	if (owners.length === 0) return html``;
	return html`<section class="ew-feed-group" aria-label="${heading}">
<h2>${heading}</h2>
${owners.map(
	(owner) =>
		html`<h3><a href="${absoluteUrl(site, page(owner.segment))}">${owner.name}</a></h3>\n${feedLinks(channel(owner))}`,
)}</section>
`;
}

export function feedsPage(
	site: Site,
	sections: readonly ListedFeedOwner[],
	authors: readonly ListedFeedOwner[],
): SafeHtml {
	return pageLayout(site, {
		title: `Volg ${site.title} - ${site.title}`,
		description: `Alle feeds van ${site.title}: de site, elk onderwerp en elke auteur.`,
		canonical: absoluteUrl(site, sitePaths.feeds),
		main: html`<h1 class="page-title">Volg ${site.title}</h1>
<p>Met een feedlezer (zoals NetNewsWire, Feedly, Miniflux of newsboat) zie je nieuwe artikelen zodra ze verschijnen, zonder te zoeken. Kopieer een van de adressen hieronder en voeg het in je feedlezer toe als nieuw abonnement. RSS en Atom kent elke feedlezer; JSON Feed de meeste nieuwe.</p>
<section class="ew-feed-group" aria-label="Alle artikelen">
<h2>Alle artikelen</h2>
${feedLinks(siteChannel(site))}</section>
${ownerList("Onderwerpen", sections, (owner) => sectionChannel(site, { slug: owner.segment, name: owner.name }), sitePaths.tag, site)}${ownerList("Auteurs", authors, (owner) => authorChannel(site, owner), sitePaths.author, site)}`,
	});
}
