/**
 * The rules of the sitemaps.org 0.9 schema (sitemap.xsd, siteindex.xsd) and Google's News
 * sitemap schema (sitemap-news.xsd), checked on a parsed document: root and namespace, required
 * and allowed children, absolute URLs of the site's origin under 2,048 characters, W3C Datetime
 * values, and the 50,000-entry limit.
 */
import { parseXml, type XmlElement } from "../../support/parseXml";

const SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const NEWS_LANGUAGE = /^(?:[a-z]{2,3}|zh-cn|zh-tw)$/;

/** Every way `xml` breaks the protocols, as `path: problem` lines (empty when it keeps them all). */
export function sitemapProblems(xml: string, origin: string): string[] {
	const problems: string[] = [];
	let root: XmlElement;
	try {
		root = parseXml(xml);
	} catch (error) {
		return [`not well-formed XML: ${String(error)}`];
	}
	if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>'))
		problems.push("no UTF-8 XML declaration");
	if (root.uri !== SITEMAP) problems.push(`root namespace ${root.uri}, expected ${SITEMAP}`);
	const item = root.local === "urlset" ? "url" : root.local === "sitemapindex" ? "sitemap" : "";
	if (item === "")
		return [...problems, `root <${root.local}>, expected <urlset> or <sitemapindex>`];
	const entries = root.children.filter((child) => child.uri === SITEMAP);
	if (entries.length === 0) problems.push(`<${root.local}> holds no <${item}>`);
	if (entries.length > 50_000) problems.push(`${entries.length} entries, at most 50,000`);
	entries.forEach((entry, i) => {
		const at = `${item}[${i}]`;
		if (entry.local !== item) problems.push(`${at}: <${entry.local}> in <${root.local}>`);
		const own = entry.children.filter((child) => child.uri === SITEMAP);
		const locs = own.filter((child) => child.local === "loc");
		if (locs.length !== 1) problems.push(`${at}: ${locs.length} <loc>, expected 1`);
		const loc = locs[0]?.text ?? "";
		if (!loc.startsWith(`${origin}/`)) problems.push(`${at}: <loc> ${loc} is not on ${origin}`);
		if (loc.length >= 2048) problems.push(`${at}: <loc> longer than 2,047 characters`);
		const allowed =
			item === "url" ? ["loc", "lastmod", "changefreq", "priority"] : ["loc", "lastmod"];
		for (const child of own) {
			if (!allowed.includes(child.local)) problems.push(`${at}: <${child.local}> is not allowed`);
			if (child.local === "lastmod" && !W3C_DATETIME.test(child.text)) {
				problems.push(`${at}: <lastmod> ${child.text} is not a W3C Datetime`);
			}
		}
		for (const news of entry.children.filter((child) => child.uri === NEWS)) {
			problems.push(...newsProblems(news, at));
		}
	});
	return problems;
}

function newsProblems(news: XmlElement, at: string): string[] {
	const problems: string[] = [];
	if (news.local !== "news") return [`${at}: <news:${news.local}> outside <news:news>`];
	const named = (parent: XmlElement, name: string) =>
		parent.children.filter((child) => child.uri === NEWS && child.local === name);
	const [publication] = named(news, "publication");
	if (publication === undefined) problems.push(`${at}: no <news:publication>`);
	else {
		if ((named(publication, "name")[0]?.text ?? "") === "") problems.push(`${at}: no <news:name>`);
		const language = named(publication, "language")[0]?.text ?? "";
		if (!NEWS_LANGUAGE.test(language)) problems.push(`${at}: <news:language> ${language}`);
	}
	const date = named(news, "publication_date")[0]?.text ?? "";
	if (!W3C_DATETIME.test(date)) problems.push(`${at}: <news:publication_date> ${date}`);
	if ((named(news, "title")[0]?.text ?? "") === "") problems.push(`${at}: no <news:title>`);
	return problems;
}
