/**
 * Finds every document a reader can reach, the way a crawler would: from `/` and the feeds it
 * follows every same-origin link in pages (a, link, iframe, img), feeds (links, item URLs, the
 * channel image, icon and logo) and JSON Feed (urls, icon, favicon, item images), and each
 * article's fragment and embed view. Nothing is named in advance, so a new kind of document is
 * checked as soon as something links to it. Images are kept as bytes, not followed further.
 */
import type { DocumentKind } from "../../../src/site/documentKind";
import { sitePaths } from "../../../src/site/siteUrls";
import { attr, elementsByTag, parseHtmlDocument } from "../../support/parseHtml";
import { parseXml, type XmlElement } from "../../support/parseXml";
import type { ImageKind, PublishedDocument } from "./publish";

const START: readonly string[] = [
	sitePaths.home,
	sitePaths.rss,
	sitePaths.atom,
	sitePaths.jsonFeed,
	sitePaths.robots,
];
const ARTICLE = /^\/articles\/[a-z0-9-]+$/;
const IMAGE_KINDS: ReadonlySet<string> = new Set<ImageKind>(["svgImage", "pngImage", "icoImage"]);

/** Fetches and follows links from `origin` until nothing new is found (at most `limit` documents). */
export async function crawl(
	origin: string,
	fetch: (url: string) => Promise<Response>,
	limit = 2_000,
): Promise<Map<string, PublishedDocument>> {
	const documents = new Map<string, PublishedDocument>();
	const queue = [...START];
	const queued = new Set(queue);
	const enqueue = (href: string | undefined) => {
		if (href === undefined) return;
		let url: URL;
		try {
			url = new URL(href, origin);
		} catch {
			return;
		}
		// Query strings name the same document, except oEmbed answers (not a document of their own).
		if (url.origin !== origin || url.pathname === sitePaths.oembed) return;
		if (!queued.has(url.pathname) && queued.size < limit) {
			queued.add(url.pathname);
			queue.push(url.pathname);
		}
	};
	for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
		const response = await fetch(`${origin}${path}`);
		if (response.status !== 200) {
			await response.arrayBuffer();
			continue;
		}
		const kind = kindOf(path, response.headers.get("Content-Type") ?? "");
		if (kind !== undefined && IMAGE_KINDS.has(kind)) {
			documents.set(path, { kind, body: "", bytes: new Uint8Array(await response.arrayBuffer()) });
			continue;
		}
		const body = await response.text();
		if (kind === undefined) continue;
		documents.set(path, { kind, body });
		for (const href of linksIn(kind, body)) enqueue(href);
		if (ARTICLE.test(path)) {
			enqueue(sitePaths.fragment(path.slice("/articles/".length)));
			enqueue(sitePaths.embed(path.slice("/articles/".length)));
		}
	}
	return documents;
}

function kindOf(path: string, contentType: string): DocumentKind | ImageKind | undefined {
	const type = contentType.split(";")[0]?.trim();
	switch (type) {
		case "application/rss+xml":
			return "rss";
		case "application/atom+xml":
			return "atom";
		case "application/feed+json":
			return "jsonFeed";
		case "text/css":
			return "stylesheet";
		case "application/xml":
			return "sitemap";
		case "text/plain":
			return path === sitePaths.robots ? "robots" : undefined;
		case "image/svg+xml":
			return "svgImage";
		case "image/png":
			return "pngImage";
		case "image/vnd.microsoft.icon":
			return "icoImage";
		case "text/html":
			return path.endsWith("/fragment") ? "fragment" : path.endsWith("/embed") ? "embed" : "page";
		default:
			return undefined;
	}
}

/** Every URL a document links to (unresolved). */
function linksIn(kind: DocumentKind | ImageKind, body: string): string[] {
	switch (kind) {
		case "page":
		case "embed":
		case "fragment": {
			const html = parseHtmlDocument(body);
			return ["a", "link", "iframe", "img"].flatMap((tag) =>
				elementsByTag(html, tag).map(
					(element) => attr(element, tag === "iframe" || tag === "img" ? "src" : "href") ?? "",
				),
			);
		}
		case "rss":
		case "atom":
		case "sitemap":
			// href attributes (atom:link, Atom link), the text of RSS <link> and <image><url>, of
			// Atom <icon> and <logo>, and of sitemap <loc>.
			return xmlLinks(parseXml(body));
		case "robots":
			return [...body.matchAll(/^Sitemap:\s*(\S+)$/gim)].map((match) => match[1] ?? "");
		case "jsonFeed": {
			const feed = JSON.parse(body) as {
				items?: { url?: string; image?: string }[];
				home_page_url?: string;
				icon?: string;
				favicon?: string;
			};
			return [
				feed.home_page_url ?? "",
				feed.icon ?? "",
				feed.favicon ?? "",
				...(feed.items ?? []).flatMap((item) => [item.url ?? "", item.image ?? ""]),
			];
		}
		default:
			return [];
	}
}

const URL_ELEMENTS = new Set(["link", "url", "icon", "logo", "loc"]);

function xmlLinks(element: XmlElement): string[] {
	const own =
		element.attributes.href ?? (URL_ELEMENTS.has(element.name) ? element.text.trim() : "");
	return [own, ...element.children.flatMap(xmlLinks)];
}
