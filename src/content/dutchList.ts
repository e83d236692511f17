/**
 * Lists as Dutch writes them: `a`, `a en b`, `a, b en c`. `dutchListSeparators(n)` gives what goes
 * before each of n items, so that markup can be listed too.
 */
export function dutchListSeparators(count: number): string[] {
	return Array.from({ length: count }, (_, i) => (i === 0 ? "" : i === count - 1 ? " en " : ", "));
}

export function dutchList(items: readonly string[]): string {
	const separators = dutchListSeparators(items.length);
	return items.map((item, i) => `${separators[i]}${item}`).join("");
}
