/** Lower-case hexadecimal of `bytes`, two digits a byte (digests, MACs). */
export function hex(bytes: ArrayBuffer | Uint8Array): string {
	const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
	let out = "";
	for (const byte of view) out += byte.toString(16).padStart(2, "0");
	return out;
}
