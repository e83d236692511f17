/**
 * The OpenSearch 1.1 description document (https://github.com/dewitt/opensearch, "OpenSearch 1.1
 * Draft 6"): what a browser reads, through every page's `<link rel="search">`, to offer the site's
 * search in its address bar. Built as a tree and written by the XML serializer, which escapes.
 */
import type { Site } from "../site/siteSchema";
import { absoluteUrl, sitePaths } from "../site/siteUrls";
import { serializeXmlDocument } from "./xmlDocument";
import { element } from "./xmlTree";

export const OPENSEARCH_NAMESPACE = "http://a9.com/-/spec/opensearch/1.1/";
export const OPENSEARCH_MEDIA_TYPE = "application/opensearchdescription+xml";

/** OpenSearch 1.1 §ShortName: "16 or fewer characters of plain text". */
const SHORT_NAME_LENGTH = 16;
/** §Description: "1024 or fewer characters of plain text". */
const DESCRIPTION_LENGTH = 1024;

/** The first `length` characters (code points, never half a surrogate pair) of `text`. */
function upTo(text: string, length: number): string {
	return [...text].slice(0, length).join("");
}

/** The name browsers list the search under: the site's title, cut to what the spec allows. */
export function openSearchShortName(site: Site): string {
	return upTo(site.title, SHORT_NAME_LENGTH).trim();
}

export function renderOpenSearch(site: Site): string {
	const template = (path: string) => `${absoluteUrl(site, path)}?q={searchTerms}`;
	return serializeXmlDocument(
		element("OpenSearchDescription", { xmlns: OPENSEARCH_NAMESPACE }, [
			element("ShortName", {}, [openSearchShortName(site)]),
			element("Description", {}, [
				upTo(`Zoek in ${site.title}: ${site.description}`, DESCRIPTION_LENGTH),
			]),
			element("InputEncoding", {}, ["UTF-8"]),
			element("OutputEncoding", {}, ["UTF-8"]),
			element("Language", {}, [site.language]),
			element("Image", { width: 64, height: 64, type: "image/png" }, [
				absoluteUrl(site, sitePaths.iconPng(64)),
			]),
			element("Url", { type: "text/html", method: "get", template: template(sitePaths.search) }),
			element("Url", {
				type: "application/json",
				method: "get",
				template: template(sitePaths.searchJson),
			}),
			element("Url", {
				type: OPENSEARCH_MEDIA_TYPE,
				rel: "self",
				template: absoluteUrl(site, sitePaths.openSearch),
			}),
		]),
		{ encoding: "UTF-8", indent: "  " },
	);
}
