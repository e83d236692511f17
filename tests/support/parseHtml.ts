/** HTML parsed back with parse5 (the WHATWG algorithm browsers use), and helpers to query it. */
import { type DefaultTreeAdapterMap, parse, parseFragment } from "parse5";

export type HtmlNode = DefaultTreeAdapterMap["childNode"] | DefaultTreeAdapterMap["parentNode"];
export type HtmlElement = DefaultTreeAdapterMap["element"];

export function parseHtmlDocument(html: string): HtmlNode {
	return parse(html);
}

export function parseHtmlFragment(html: string): HtmlNode {
	return parseFragment(html);
}

function childNodesOf(node: HtmlNode): HtmlNode[] {
	const children = "childNodes" in node ? (node.childNodes as HtmlNode[]) : [];
	// <template> keeps its children in .content
	if (node.nodeName === "template" && "content" in node) {
		return [...children, ...(node.content.childNodes as HtmlNode[])];
	}
	return children;
}

/** Every element, depth first, in document order. */
export function allElements(node: HtmlNode): HtmlElement[] {
	const out: HtmlElement[] = [];
	const visit = (current: HtmlNode) => {
		if ("tagName" in current) out.push(current);
		for (const childNode of childNodesOf(current)) visit(childNode);
	};
	visit(node);
	return out;
}

export function elementsByTag(node: HtmlNode, tag: string): HtmlElement[] {
	return allElements(node).filter((element) => element.tagName === tag);
}

export function attr(element: HtmlElement, name: string): string | undefined {
	return element.attrs.find((attribute) => attribute.name === name)?.value;
}

const INLINE = new Set([
	"a",
	"abbr",
	"b",
	"em",
	"i",
	"span",
	"strong",
	"time",
	"#document-fragment",
]);

/** Text content as a reader sees it: block boundaries become spaces, whitespace is collapsed. */
export function textOf(node: HtmlNode): string {
	const parts: string[] = [];
	const visit = (current: HtmlNode) => {
		if (current.nodeName === "#text" && "value" in current) parts.push(current.value);
		else if (current.nodeName !== "#comment") {
			for (const childNode of childNodesOf(current)) visit(childNode);
			if (!INLINE.has(current.nodeName)) parts.push(" ");
		}
	};
	visit(node);
	return parts.join("").replace(/\s+/g, " ").trim();
}
