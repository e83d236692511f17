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
