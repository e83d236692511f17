/** What an image file says about itself, read from its bytes: PNG (ISO/IEC 15948) and ICO headers. */

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface PixelSize {
	readonly width: number;
	readonly height: number;
}

/** The size in a PNG's IHDR, or undefined when `bytes` does not start like a PNG. */
export function pngSize(bytes: Uint8Array): PixelSize | undefined {
	if (!PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return undefined;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return undefined;
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The images an ICO file holds, each as its directory entry states it and its PNG says. */
export function icoImages(bytes: Uint8Array): { size: number; png: PixelSize | undefined }[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (view.getUint16(0, true) !== 0 || view.getUint16(2, true) !== 1) return [];
	return Array.from({ length: view.getUint16(4, true) }, (_, i) => {
		const entry = 6 + 16 * i;
		const length = view.getUint32(entry + 8, true);
		const offset = view.getUint32(entry + 12, true);
		return {
			size: view.getUint8(entry) || 256,
			png: pngSize(bytes.subarray(offset, offset + length)),
		};
	});
}
