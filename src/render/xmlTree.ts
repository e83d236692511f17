/**
 * XML documents as trees of plain data: what the feed renderers amend and the sitemaps are built
 * from, so that no renderer ever touches XML text. `xmlDocument.ts` turns text into a tree and a
 * tree into text (and is the only module that knows the XML library).
 *
 * @example
 * element("url", {}, [element("loc", {}, [absoluteUrl(site, "/")])])
 */

/** An element. Names are qualified as written (`atom:link`, `xml:lang`); the document declares prefixes. */
export interface XmlElement {
	readonly type: "element";
	readonly name: string;
	/** Values as text (the serializer escapes them), in document order. */
	readonly attributes: Map<string, string>;
	readonly children: XmlNode[];
}

/** Character data (the serializer escapes it). */
export interface XmlText {
	readonly type: "text";
	readonly text: string;
}

/** Character data written as a CDATA section, as feeds carry their HTML. */
export interface XmlCdata {
	readonly type: "cdata";
	readonly text: string;
}

export type XmlNode = XmlElement | XmlText | XmlCdata;

/** An element with `attributes` in the order given; a string among `children` is a text node. */
export function element(
	name: string,
	attributes: Readonly<Record<string, string | number>> = {},
	children: readonly (XmlNode | string)[] = [],
): XmlElement {
	return {
		type: "element",
		name,
		attributes: new Map(Object.entries(attributes).map(([key, value]) => [key, String(value)])),
		children: children.map((child) => (typeof child === "string" ? text(child) : child)),
	};
}

export function text(value: string): XmlText {
	return { type: "text", text: value };
}

/** The child elements of `parent` named `name`, in document order. */
export function childElements(parent: XmlElement, name: string): XmlElement[] {
	return parent.children.filter(
		(child): child is XmlElement => child.type === "element" && child.name === name,
	);
}

/** The one child element of `parent` named `name`; throws when there is none or more than one. */
export function onlyChild(parent: XmlElement, name: string): XmlElement {
	const found = childElements(parent, name);
	const [first] = found;
	if (first === undefined || found.length > 1) {
		throw new Error(`expected one <${name}> in <${parent.name}>, found ${found.length}`);
	}
	return first;
}

/** The character data of `element`'s own text and CDATA children. */
export function textContent(element: XmlElement): string {
	return element.children.map((child) => (child.type === "element" ? "" : child.text)).join("");
}

/** Makes `nodes` the children of `parent`. */
export function replaceChildren(parent: XmlElement, nodes: readonly XmlNode[]): void {
	parent.children.splice(0, parent.children.length, ...nodes);
}

/** Inserts `nodes` before the first child element of `parent` named `name`, or at its end. */
export function insertBeforeFirst(
	parent: XmlElement,
	name: string,
	nodes: readonly XmlNode[],
): void {
	const at = parent.children.findIndex((child) => child.type === "element" && child.name === name);
	parent.children.splice(at === -1 ? parent.children.length : at, 0, ...nodes);
}
