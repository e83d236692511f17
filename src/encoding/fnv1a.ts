/**
 * FNV-1a, 32 bits, over the code points of `text` (http://www.isthe.com/chongo/tech/comp/fnv/):
 * a small, stable, well-spread hash where no secrecy is needed (a settings tag, the place of a
 * partial date in its hour). Never change it: stored data and cache keys depend on its values.
 */
export function fnv1a32(text: string): number {
	let hash = 0x811c9dc5;
	for (const char of text) {
		hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
	}
	return hash;
}
