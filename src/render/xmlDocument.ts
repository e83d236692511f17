/**
 * XML text to tree and back. Reading is sax's (strict, maintained, and already in the Worker through
 * `feed`'s xml-js); writing is fast-xml-builder's (maintained, pure JavaScript). Only this module
 * knows either library; everyone else works on `XmlElement` trees (xmlTree.ts).
 *
 * Escaping is the builder's, done by construction in its hooks: text gets `&amp;`, `&lt;`, `&gt;`,
 * or, in the elements named by `hexText`, the hexadecimal references `&#x26;`, `&#x3C;`, `&#x3E;`
 * (feedPlainText.ts says why); attribute values get `&amp;`, `&lt;`, `&gt;`, `&quot;` (and `&apos;`
 * from the builder itself). Characters XML forbids are dropped on the way out.
 */
import XMLBuilder from "fast-xml-builder";
import sax from "sax";
import { stripForbiddenChars } from "../content/text";
import { replaceChildren, text, type XmlCdata, type XmlElement, type XmlNode } from "./xmlTree";

/**
 * How fast-xml-builder names text, CDATA and the attributes of a node in its ordered
 * (`preserveOrder`) shape; attribute names carry no prefix.
 */
const TEXT = "#text";
const CDATA = "#cdata";
const ATTRIBUTES = ":@";
const DECLARATION = "?xml";

/** A text node's value on its way to the builder, with what `tagValueProcessor` needs to know. */
class TextValue {
	constructor(
		readonly text: string,
		readonly hexReferences: boolean,
	) {}
}

const NAMED: Readonly<Record<string, string>> = {
	"&": "&amp;",
	"<": "&lt;",
	">": "&gt;",
	'"': "&quot;",
};
const HEX: Readonly<Record<string, string>> = { "&": "&#x26;", "<": "&#x3C;", ">": "&#x3E;" };

const builder = new XMLBuilder({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: "",
	cdataPropName: CDATA,
	// Whitespace is in the tree (see `indented`): the builder's own `format` adds a line break
	// inside an element after its CDATA section, which would change the content.
	format: false,
	suppressEmptyNode: true,
	// Otherwise an attribute whose value is "true" is written without a value.
	suppressBooleanAttributes: false,
	// The hooks below escape; the builder's own entity pass would escape twice.
	processEntities: false,
	// In preserveOrder mode the hook is called with the name "#text", not the element's: the
	// element's part in escaping travels with the value (`TextValue`).
	tagValueProcessor: (_name, value) => {
		if (!(value instanceof TextValue)) throw new Error("text reached the XML builder unescaped");
		const references = value.hexReferences ? HEX : NAMED;
		return stripForbiddenChars(value.text).replace(/[&<>]/g, (char) => references[char] ?? char);
	},
	attributeValueProcessor: (_name, value) =>
		stripForbiddenChars(String(value)).replace(/[&<>"]/g, (char) => NAMED[char] ?? char),
});

/**
 * Parses well-formed XML (anything else throws) into its root element. Whitespace between elements
 * is layout, not content, and is dropped (`serializeXmlDocument` lays the tree out again); the XML
 * declaration is the serializer's too. Comments are dropped; other markup throws.
 */
export function parseXmlDocument(xml: string): XmlElement {
	const parser = sax.parser(true, { strictEntities: true });
	const open: XmlElement[] = [];
	let root: XmlElement | undefined;
	let cdata: XmlCdata | undefined;
	const current = () => open.at(-1);
	parser.onerror = (error) => {
		throw error;
	};
	parser.onopentag = (tag) => {
		const element: XmlElement = {
			type: "element",
			name: tag.name,
			attributes: new Map(Object.entries(tag.attributes)),
			children: [],
		};
		const parent = current();
		if (parent !== undefined) parent.children.push(element);
		else if (root === undefined) root = element;
		// sax accepts a second root element; XML 1.0 §2.1 does not.
		else throw new Error(`a second root element <${tag.name}>`);
		open.push(element);
	};
	parser.onclosetag = () => {
		const element = open.pop();
		if (element?.children.some((child) => child.type === "element")) {
			replaceChildren(
				element,
				element.children.filter((child) => child.type !== "text" || child.text.trim() !== ""),
			);
		}
	};
	parser.ontext = (data) => {
		current()?.children.push(text(data));
	};
	parser.onopencdata = () => {
		cdata = { type: "cdata", text: "" };
	};
	parser.oncdata = (data) => {
		if (cdata !== undefined) cdata = { type: "cdata", text: cdata.text + data };
	};
	parser.onclosecdata = () => {
		if (cdata !== undefined) current()?.children.push(cdata);
		cdata = undefined;
	};
	parser.onprocessinginstruction = ({ name }) => {
		if (name !== "xml") throw new Error(`unexpected processing instruction <?${name}?>`);
	};
	parser.ondoctype = () => {
		throw new Error("unexpected document type declaration");
	};
	parser.write(xml).close();
	if (root === undefined) throw new Error("XML document without a root element");
	return root;
}

export interface SerializeOptions {
	/** The encoding the XML declaration names (the text is UTF-8 whatever the spelling). */
	readonly encoding: "utf-8" | "UTF-8";
	/** One level of indentation of element-only content. */
	readonly indent: string;
	/** Elements whose text is written with hexadecimal references for `&`, `<` and `>`. */
	readonly hexText?: readonly string[];
}

/** Writes the document of `root`: the XML declaration, then `root` with element-only content indented. */
export function serializeXmlDocument(root: XmlElement, options: SerializeOptions): string {
	const hexText = new Set(options.hexText);
	return builder.build([
		{ [DECLARATION]: [], [ATTRIBUTES]: { version: "1.0", encoding: options.encoding } },
		{ [TEXT]: new TextValue("\n", false) },
		toOrdered(indented(root, options.indent, 0), hexText, false),
	]);
}

type OrderedNode = Record<string, unknown>;

/**
 * A copy of `element` with a line break and `indent` per level before each child of element-only
 * content (the layout feed and xml-js write); text and CDATA content are left exactly as they are.
 */
function indented(element: XmlElement, indent: string, depth: number): XmlElement {
	const elementOnly =
		element.children.length > 0 && element.children.every((child) => child.type === "element");
	if (!elementOnly) return element;
	const inner = `\n${indent.repeat(depth + 1)}`;
	return {
		...element,
		children: [
			...element.children.flatMap((child) => [
				{ type: "text", text: inner } as const,
				child.type === "element" ? indented(child, indent, depth + 1) : child,
			]),
			{ type: "text", text: `\n${indent.repeat(depth)}` },
		],
	};
}

function toOrdered(node: XmlNode, hexText: ReadonlySet<string>, inHexText: boolean): OrderedNode {
	switch (node.type) {
		case "text":
			return { [TEXT]: new TextValue(node.text, inHexText) };
		case "cdata":
			return { [CDATA]: [{ [TEXT]: stripForbiddenChars(node.text) }] };
		case "element": {
			const ordered: OrderedNode = {
				[node.name]: node.children.map((child) =>
					toOrdered(child, hexText, hexText.has(node.name)),
				),
			};
			if (node.attributes.size > 0) {
				ordered[ATTRIBUTES] = Object.fromEntries(node.attributes);
			}
			return ordered;
		}
	}
}
