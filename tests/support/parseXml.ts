/** A strict, namespace-aware XML 1.0 parser for tests: any well-formedness error throws. */
import { SaxesParser } from "saxes";

export interface XmlElement {
	/** Qualified name as written, e.g. `atom:link`. */
	readonly name: string;
	/** Namespace URI the name resolves to. */
	readonly uri: string;
	readonly local: string;
	readonly attributes: Record<string, string>;
	readonly children: XmlElement[];
	text: string;
}

export function parseXml(xml: string): XmlElement {
	const parser = new SaxesParser({ xmlns: true, position: true });
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	parser.on("error", (error) => {
		throw error;
	});
	parser.on("opentag", (tag) => {
		const attributes: Record<string, string> = {};
		for (const [name, attribute] of Object.entries(tag.attributes)) {
			attributes[name] = typeof attribute === "string" ? attribute : attribute.value;
		}
		const element: XmlElement = {
			name: tag.name,
			uri: tag.uri ?? "",
			local: tag.local ?? tag.name,
			attributes,
			children: [],
			text: "",
		};
		stack.at(-1)?.children.push(element);
		stack.push(element);
		root ??= element;
	});
	const append = (text: string) => {
		const current = stack.at(-1);
		if (current !== undefined) current.text += text;
	};
	parser.on("text", append);
	parser.on("cdata", append);
	parser.on("closetag", () => {
		stack.pop();
	});
	parser.write(xml).close();
	if (root === undefined) throw new Error("no root element");
	return root;
}

/** Direct children named `name` (qualified name as written). */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
	return element.children.filter((child) => child.name === name);
}

/** The single direct child named `name`; throws when it is missing or repeated. */
export function child(element: XmlElement, name: string): XmlElement {
	const found = childrenNamed(element, name);
	if (found.length !== 1)
		throw new Error(`expected one <${name}> in <${element.name}>, found ${found.length}`);
	return found[0] as XmlElement;
}

const ATOM_NS = "http://www.w3.org/2005/Atom";

/** rel -> href of the Atom-namespaced <link> children of `parent` (RSS atom:link, Atom link). */
export function atomLinks(parent: XmlElement): Map<string, string> {
	const links = parent.children.filter((el) => el.uri === ATOM_NS && el.local === "link");
	return new Map(links.map((link) => [link.attributes.rel ?? "", link.attributes.href ?? ""]));
}

/** A leaf element's qualified name, its parent's, and the source text between its tags. */
export interface ElementSource {
	readonly name: string;
	readonly parent: string;
	readonly source: string;
}

/**
 * Every element of `xml` without child elements, with its content as written (references
 * undecoded, CDATA markers kept), in document order: for asserting how text is escaped, which a
 * parsed tree cannot tell. Read by the same strict parser, so markup is never taken for text.
 */
export function elementSources(xml: string): ElementSource[] {
	const parser = new SaxesParser({ xmlns: true, position: true });
	const open: { name: string; start: number; leaf: boolean }[] = [];
	const sources: ElementSource[] = [];
	parser.on("error", (error) => {
		throw error;
	});
	parser.on("opentag", (tag) => {
		const parent = open.at(-1);
		if (parent !== undefined) parent.leaf = false;
		open.push({ name: tag.name, start: parser.position, leaf: true });
	});
	parser.on("closetag", (tag) => {
		const element = open.pop();
		if (element === undefined || !element.leaf) return;
		const end = tag.isSelfClosing ? element.start : parser.position - `</${tag.name}>`.length;
		const parent = open.at(-1)?.name ?? "";
		sources.push({ name: tag.name, parent, source: xml.slice(element.start, end) });
	});
	parser.write(xml).close();
	return sources;
}
