/**
 * The lines of an NDJSON archive, read from its bytes with a bound on each line: a line longer
 * than the bound is reported as such and skipped without being held in memory, so a hostile 50 MB
 * line costs no more than a normal one. Lines are split at LF (a CR before it is dropped) and
 * decoded as UTF-8.
 */

/** One line of the archive: its text, or the fact that it was longer than the bound. */
export type ArchiveLine =
	| string
	| { readonly oversized: true; readonly bytes: number; readonly limit: number };

/**
 * The longest line an import reads, in bytes: an article at its largest (ARTICLE_TEXT_MAX
 * characters, docs/formats.md) as JSON, with room for escapes. Anything longer cannot be valid.
 */
export const ARCHIVE_LINE_MAX_BYTES = 2 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

/** Splits `chunks` into lines of at most `maxBytes` bytes each (oversized lines are reported). */
export async function* archiveLines(
	chunks: AsyncIterable<Uint8Array>,
	maxBytes = ARCHIVE_LINE_MAX_BYTES,
): AsyncGenerator<ArchiveLine> {
	const decoder = new TextDecoder();
	let parts: Uint8Array[] = [];
	let size = 0;
	let oversized = false;
	const finish = (): ArchiveLine => {
		const line: ArchiveLine = oversized
			? { oversized: true, bytes: size, limit: maxBytes }
			: decoder.decode(withoutCr(concat(parts, size)));
		parts = [];
		size = 0;
		oversized = false;
		return line;
	};
	for await (const chunk of chunks) {
		let from = 0;
		while (from < chunk.length) {
			const end = chunk.indexOf(LF, from);
			const piece = chunk.subarray(from, end === -1 ? chunk.length : end);
			size += piece.length;
			if (size > maxBytes) {
				oversized = true;
				parts = [];
			} else if (!oversized) {
				parts.push(piece.slice());
			}
			if (end === -1) break;
			yield finish();
			from = end + 1;
		}
	}
	if (size > 0 || oversized) yield finish();
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const part of parts) {
		bytes.set(part, offset);
		offset += part.length;
	}
	return bytes;
}

function withoutCr(bytes: Uint8Array): Uint8Array {
	return bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, -1) : bytes;
}
