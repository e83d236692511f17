/**
 * The part of sax (https://github.com/isaacs/sax-js, which ships no types) that xmlDocument.ts
 * uses. `@types/sax` is not used: it pulls Node's types into the Worker's type check and lacks
 * `strictEntities`.
 */
declare module "sax" {
	interface SaxOptions {
		/** Only the five XML entities (and character references); HTML's named ones are errors. */
		readonly strictEntities?: boolean;
		/** Line and column tracking, for error messages. */
		readonly position?: boolean;
	}

	interface SaxTag {
		/** Qualified name as written. */
		readonly name: string;
		/** Decoded values by qualified name, in document order. */
		readonly attributes: Readonly<Record<string, string>>;
	}

	interface SaxParser {
		onopentag: (tag: SaxTag) => void;
		onclosetag: (name: string) => void;
		/** Decoded character data; a long run may come in several calls. */
		ontext: (text: string) => void;
		onopencdata: () => void;
		/** A CDATA section's content; a long one may come in several calls. */
		oncdata: (text: string) => void;
		onclosecdata: () => void;
		onprocessinginstruction: (instruction: {
			readonly name: string;
			readonly body: string;
		}) => void;
		ondoctype: (doctype: string) => void;
		onerror: (error: Error) => void;
		write(chunk: string): SaxParser;
		close(): SaxParser;
	}

	const sax: {
		/** `strict`: XML well-formedness errors are reported (to `onerror`) rather than mended. */
		parser(strict: true, options?: SaxOptions): SaxParser;
	};
	export default sax;
}
