/**
 * Images as a crawler meets them: every image the site serves is the file its media type says,
 * and every feed and page names the site's icon where and at the size its format asks for
 * (RSS 2.0 <image>, RFC 4287 §4.2.5/§4.2.14, JSON Feed 1.1 icon and favicon, HTML rel="icon").
 */
import { icoImages, type PixelSize, pngSize } from "../../support/imageFiles";
import { attr, elementsByTag, parseHtmlDocument } from "../../support/parseHtml";
import { childrenNamed, parseXml, type XmlElement } from "../../support/parseXml";
import type { PublishedDocument } from "./publish";

type Documents = ReadonlyMap<string, PublishedDocument>;

/** Every image whose bytes are not what its media type says. */
export function imageFileProblems(documents: Documents): string[] {
	return [...documents].flatMap(([path, { kind, bytes = new Uint8Array() }]) => {
		if (kind === "pngImage" && pngSize(bytes) === undefined) return [`${path}: not a PNG`];
		if (kind === "icoImage") {
			const images = icoImages(bytes);
			if (images.length === 0 || images.some((image) => image.png?.width !== image.size)) {
				return [`${path}: not an ICO of PNGs of the sizes its directory states`];
			}
		}
		if (kind === "svgImage") {
			const svg = parseXml(new TextDecoder().decode(bytes));
			if (svg.uri !== "http://www.w3.org/2000/svg" || svg.local !== "svg") {
				return [`${path}: not an SVG document`];
			}
		}
		return [];
	});
}

/** The pixel size of the PNG the crawl found at `url` (absolute, same origin), or a problem. */
function servedPng(documents: Documents, origin: string, url: string): PixelSize | string {
	const path = url.startsWith(`${origin}/`) ? url.slice(origin.length) : undefined;
	const document = path === undefined ? undefined : documents.get(path);
	if (document?.kind !== "pngImage" || document.bytes === undefined) {
		return `${url} is not a PNG this site serves`;
	}
	return pngSize(document.bytes) ?? `${url} is not a PNG`;
}

const text = (parent: XmlElement, name: string) => childrenNamed(parent, name)[0]?.text.trim();

/** How the feed at `path` names the site's icon, against what its format asks for. */
export function feedIconProblems(
	documents: Documents,
	origin: string,
	path: string,
	document: PublishedDocument,
): string[] {
	const problems: string[] = [];
	const png = (url: string | undefined, check: (size: PixelSize) => boolean, what: string) => {
		const size = url === undefined ? `no ${what}` : servedPng(documents, origin, url);
		if (typeof size === "string") problems.push(`${path}: ${what}: ${size}`);
		else if (!check(size)) problems.push(`${path}: ${what}: ${size.width} × ${size.height}`);
	};
	if (document.kind === "rss") {
		const [channel] = childrenNamed(parseXml(document.body), "channel");
		const [image] = channel === undefined ? [] : childrenNamed(channel, "image");
		if (channel === undefined || image === undefined) return [`${path}: no <image>`];
		const [width, height] = [Number(text(image, "width")), Number(text(image, "height"))];
		png(
			text(image, "url"),
			(size) => size.width === width && size.height === height && width <= 144 && height <= 400,
			"<image> (at most 144 × 400, its stated size)",
		);
		if (text(image, "title") !== text(channel, "title")) problems.push(`${path}: <image> title`);
		if (text(image, "link") !== text(channel, "link")) problems.push(`${path}: <image> link`);
	}
	if (document.kind === "atom") {
		const feed = parseXml(document.body);
		const names = feed.children.map((element) => element.name);
		const firstEntry = names.includes("entry") ? names.indexOf("entry") : names.length;
		for (const name of ["icon", "logo"]) {
			if (!(names.indexOf(name) >= 0 && names.indexOf(name) < firstEntry)) {
				problems.push(`${path}: <${name}> missing or after the first entry`);
			}
		}
		png(text(feed, "icon"), (size) => size.width === size.height, "<icon> (square)");
		png(text(feed, "logo"), (size) => size.width === 2 * size.height, "<logo> (2:1)");
	}
	if (document.kind === "jsonFeed") {
		const feed = JSON.parse(document.body) as { icon?: string; favicon?: string };
		png(feed.icon, (size) => size.width === 512 && size.height === 512, "icon (512 × 512)");
		png(feed.favicon, (size) => size.width === 64 && size.height === 64, "favicon (64 × 64)");
	}
	return problems;
}

/** A page without `<link rel="icon">` to an SVG and an ICO the site serves. */
export function pageIconProblems(documents: Documents, origin: string, html: string): string[] {
	const icons = elementsByTag(parseHtmlDocument(html), "link")
		.filter((link) => attr(link, "rel") === "icon")
		.map((link) => documents.get((attr(link, "href") ?? "").slice(origin.length))?.kind);
	return icons.includes("svgImage") && icons.includes("icoImage")
		? []
		: [`rel="icon" links reach ${JSON.stringify(icons)}, not an SVG and an ICO`];
}
