/**
 * XML text to tree and back (src/render/xmlDocument.ts): whatever the tree holds is written
 * escaped and reads back as it was, the plain-text elements with hexadecimal references, and the
 * layout of what was parsed does not matter.
 */
import { describe, expect, it } from "vitest";
import { parseXmlDocument, serializeXmlDocument } from "../../src/render/xmlDocument";
import { element, textContent, type XmlElement } from "../../src/render/xmlTree";
import { child, elementSources, parseXml } from "../support/parseXml";

const write = (root: XmlElement, hexText: readonly string[] = []) =>
	serializeXmlDocument(root, { encoding: "utf-8", indent: "  ", hexText });

describe("serializeXmlDocument", () => {
	it("writes & < > in text as &amp; &lt; &gt;, and as &#x26; &#x3C; &#x3E; in the hexText elements only", () => {
		const xml = write(
			element("a", {}, [element("t", {}, ["Q&A <b> > 0"]), element("u", {}, ["Q&A <b> > 0"])]),
			["t"],
		);
		expect(elementSources(xml).map(({ name, source }) => [name, source])).toEqual([
			["t", "Q&#x26;A &#x3C;b&#x3E; &#x3E; 0"],
			["u", "Q&amp;A &lt;b&gt; &gt; 0"],
		]);
		const root = parseXml(xml);
		expect([child(root, "t").text, child(root, "u").text]).toEqual(["Q&A <b> > 0", "Q&A <b> > 0"]);
	});

	it("escapes attribute values, which read back as given", () => {
		const value = `https://example.org/?a=1&b="2"&c='3'&d=<4>`;
		const xml = write(element("a", { href: value, "xml:lang": "nl" }));
		expect(parseXml(xml).attributes).toEqual({ href: value, "xml:lang": "nl" });
	});

	it("keeps CDATA sections and the whitespace of text exactly as given", () => {
		const html = "<p>AT&amp;T\n  <b>x</b></p>\n";
		const xml = write(
			element("a", {}, [
				element("d", {}, [{ type: "cdata", text: html }]),
				element("w", {}, ["  twee  spaties\n"]),
			]),
		);
		expect(elementSources(xml).map(({ source }) => source)).toEqual([
			`<![CDATA[${html}]]>`,
			"  twee  spaties\n",
		]);
	});

	it("drops the characters XML forbids, in text, attributes and CDATA", () => {
		const xml = write(
			element("a", { v: "x\u0008y" }, [
				"a\u0001b\uFFFEc",
				element("d", {}, [{ type: "cdata", text: "p\u001Bq" }]),
			]),
		);
		const root = parseXml(xml);
		expect(root.attributes.v).toBe("xy");
		expect(root.text).toBe("abc");
		expect(child(root, "d").text).toBe("pq");
	});

	it("writes the XML declaration and indents element-only content only", () => {
		const xml = serializeXmlDocument(
			element("a", { x: "1" }, [
				element("b", {}, ["t"]),
				element("c"),
				element("d", {}, [element("e")]),
			]),
			{ encoding: "UTF-8", indent: "    " },
		);
		expect(xml).toBe(
			'<?xml version="1.0" encoding="UTF-8"?>\n<a x="1">\n    <b>t</b>\n    <c/>\n    <d>\n        <e/>\n    </d>\n</a>',
		);
	});
});

describe("parseXmlDocument", () => {
	it("reads the same tree whatever the layout and spacing of the text (a feed upgrade may change both)", () => {
		const compact =
			'<?xml version="1.0" encoding="utf-8"?><feed xmlns="urn:x" a="1"><entry><title> t </title><content type="html"><![CDATA[<p>x</p>]]></content></entry><e/></feed>';
		const spread =
			'<?xml version="1.0" encoding="utf-8"?>\n<feed  xmlns="urn:x"\n\ta="1" >\n\t<entry>\n\t\t<title> t </title>\n <content type="html"><![CDATA[<p>x</p>]]></content>\n</entry>\n<e></e>\n</feed>\n';
		expect(write(parseXmlDocument(spread))).toBe(write(parseXmlDocument(compact)));
		expect(write(parseXmlDocument(compact))).toBe(
			'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="urn:x" a="1">\n  <entry>\n    <title> t </title>\n    <content type="html"><![CDATA[<p>x</p>]]></content>\n  </entry>\n  <e/>\n</feed>',
		);
	});

	it("decodes references once: the five XML entities and character references", () => {
		const root = parseXmlDocument(
			'<a v="&amp;lt; &#39; &quot;">&amp;amp; &lt;b&gt; &#x26; &#60;</a>',
		);
		expect(root.attributes.get("v")).toBe(`&lt; ' "`);
		expect(textContent(root)).toBe("&amp; <b> & <");
	});

	it("reads text and CDATA longer than sax's 64 KiB buffers whole", () => {
		const long = "x".repeat(100_000);
		const root = parseXmlDocument(
			`<a><b><![CDATA[${long}]]></b><c>${"y&amp;".repeat(30_000)}</c></a>`,
		);
		const [b, c] = root.children;
		expect(b?.type === "element" && b.children).toEqual([{ type: "cdata", text: long }]);
		expect(c?.type === "element" && c.children).toEqual([
			{ type: "text", text: "y&".repeat(30_000) },
		]);
	});

	it.each([
		["an unclosed element", "<a><b></a>"],
		["an HTML entity", "<a>&nbsp;</a>"],
		["a bare ampersand", "<a>AT&T</a>"],
		["a second root element", "<a/><b/>"],
		["a document type declaration", '<!DOCTYPE a SYSTEM "a.dtd"><a/>'],
	])("throws on %s", (_, xml) => {
		expect(() => parseXmlDocument(xml)).toThrow();
	});
});
