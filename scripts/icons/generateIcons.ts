/**
 * Edgewire's icon, designed here: a stylised "E" whose three arms end in signal nodes (wires at the
 * edge), white and amber on deep teal. One description of the shapes is written as SVG and drawn,
 * by this file alone (no image library), into the PNG and ICO files the formats need, in public/
 * (served by Cloudflare as static assets at the same paths; wrangler.toml [assets]):
 *
 *   /assets/edgewire.svg       the mark, for browsers (<link rel="icon" type="image/svg+xml">)
 *   /favicon.ico               16 and 32 px PNGs in an ICO
 *   /assets/edgewire-64.png    JSON Feed `favicon` (64 px), Atom `<icon>` (square, RFC 4287 §4.2.5)
 *   /assets/edgewire-144.png   RSS `<image>` (at most 144 px wide)
 *   /assets/edgewire-512.png   JSON Feed `icon` (512 px, as the spec recommends)
 *   /assets/edgewire-logo.png  Atom `<logo>` (2:1, RFC 4287 §4.2.14): the mark, its wires running on
 *
 * Output is byte-for-byte reproducible: the drawing is integer sample counting, PNG rows take a
 * fixed filter heuristic, and zlib compresses with Z_RLE, which (unlike the default strategy) does
 * not use the hash and match-finding code that zlib builds optimise per CPU.
 * tests/node/siteIcons.test.ts checks that running this again gives the committed files.
 *
 * Usage: npm run icons
 */
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { constants, deflateSync } from "node:zlib";

type Color = readonly [number, number, number];

/** A shape of the drawing, in grid units; `color` fills it. */
type Shape =
	| {
			readonly shape: "rect";
			readonly x: number;
			readonly y: number;
			readonly width: number;
			readonly height: number;
			readonly radius: number;
			readonly color: Color;
	  }
	| {
			readonly shape: "circle";
			readonly cx: number;
			readonly cy: number;
			readonly r: number;
			readonly color: Color;
	  };

const TEAL: Color = [0x0f, 0x4c, 0x5c];
const WHITE: Color = [0xff, 0xff, 0xff];
const AMBER: Color = [0xf4, 0xb9, 0x42];

/** The mark, in a 64 × 64 grid; later shapes are drawn over earlier ones. */
const MARK: readonly Shape[] = [
	{ shape: "rect", x: 0, y: 0, width: 64, height: 64, radius: 14, color: TEAL },
	{ shape: "rect", x: 13, y: 13, width: 9, height: 38, radius: 2, color: WHITE },
	{ shape: "rect", x: 13, y: 13, width: 27, height: 8, radius: 2, color: WHITE },
	{ shape: "rect", x: 13, y: 28, width: 20, height: 8, radius: 2, color: WHITE },
	{ shape: "rect", x: 13, y: 43, width: 27, height: 8, radius: 2, color: WHITE },
	{ shape: "circle", cx: 47, cy: 17, r: 4.5, color: AMBER },
	{ shape: "circle", cx: 40, cy: 32, r: 4.5, color: AMBER },
	{ shape: "circle", cx: 47, cy: 47, r: 4.5, color: AMBER },
];

/** The logo, in a 128 × 64 grid: the mark, and its three wires running on to nodes of their own. */
const LOGO: readonly Shape[] = [
	...MARK,
	{ shape: "rect", x: 54, y: 15.5, width: 58, height: 3, radius: 1.5, color: TEAL },
	{ shape: "rect", x: 47, y: 30.5, width: 51, height: 3, radius: 1.5, color: TEAL },
	{ shape: "rect", x: 54, y: 45.5, width: 58, height: 3, radius: 1.5, color: TEAL },
	{ shape: "circle", cx: 118, cy: 17, r: 4.5, color: AMBER },
	{ shape: "circle", cx: 104, cy: 32, r: 4.5, color: AMBER },
	{ shape: "circle", cx: 118, cy: 47, r: 4.5, color: AMBER },
];

const hex = (color: Color) => `#${color.map((c) => c.toString(16).padStart(2, "0")).join("")}`;

/** The mark as SVG: the same shapes, so browsers draw what the PNGs show. */
export function iconSvg(): string {
	const elements = MARK.map((s) =>
		s.shape === "rect"
			? `<rect x="${s.x}" y="${s.y}" width="${s.width}" height="${s.height}" rx="${s.radius}" fill="${hex(s.color)}"/>`
			: `<circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${hex(s.color)}"/>`,
	);
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"><title>Edgewire</title>${elements.join("")}</svg>\n`;
}

function inside(s: Shape, x: number, y: number): boolean {
	if (s.shape === "circle") return (x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r ** 2;
	// A rounded rectangle: the point's distance to the rectangle shrunk by the radius.
	const dx = Math.max(s.x + s.radius - x, 0, x - (s.x + s.width - s.radius));
	const dy = Math.max(s.y + s.radius - y, 0, y - (s.y + s.height - s.radius));
	return dx * dx + dy * dy <= s.radius * s.radius;
}

/** 8 × 8 samples per pixel: edges are smooth at 16 px. */
const SAMPLES = 8;

/**
 * Draws `shapes` (in a grid `gridWidth` units wide) at `width` × `height` pixels, RGBA, not
 * premultiplied: each pixel's colour is the mean of the samples a shape covers, its alpha the
 * share of samples covered.
 */
function rasterise(
	shapes: readonly Shape[],
	gridWidth: number,
	width: number,
	height: number,
): Uint8Array {
	const scale = gridWidth / width;
	const pixels = new Uint8Array(width * height * 4);
	for (let py = 0; py < height; py++) {
		for (let px = 0; px < width; px++) {
			let covered = 0;
			const sum = [0, 0, 0];
			for (let sy = 0; sy < SAMPLES; sy++) {
				for (let sx = 0; sx < SAMPLES; sx++) {
					const x = (px + (sx + 0.5) / SAMPLES) * scale;
					const y = (py + (sy + 0.5) / SAMPLES) * scale;
					// The topmost shape here: the last drawn.
					const color = shapes.findLast((shape) => inside(shape, x, y))?.color;
					if (color === undefined) continue;
					covered++;
					color.forEach((channel, c) => {
						sum[c] = byte(sum, c) + channel;
					});
				}
			}
			const at = (py * width + px) * 4;
			if (covered === 0) continue;
			for (let c = 0; c < 3; c++) pixels[at + c] = Math.round(byte(sum, c) / covered);
			pixels[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
		}
	}
	return pixels;
}

/** The value at `index` of an array the loops index only within its bounds. */
function byte(values: ArrayLike<number>, index: number): number {
	return values[index] ?? 0;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
	let crc = 0xffffffff;
	for (const value of bytes) crc = byte(CRC_TABLE, (crc ^ value) & 0xff) ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, "ascii");
	Buffer.from(data).copy(out, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

/** PNG (ISO/IEC 15948) filter of one byte; `a` left, `b` above, `c` above-left. */
function paeth(a: number, b: number, c: number): number {
	const p = a + b - c;
	const pa = Math.abs(p - a);
	const pb = Math.abs(p - b);
	const pc = Math.abs(p - c);
	return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Each row with the filter whose output has the smallest sum of magnitudes (PNG spec §12.8). */
function filteredRows(pixels: Uint8Array, width: number, height: number): Buffer {
	const stride = width * 4;
	const out = Buffer.alloc((stride + 1) * height);
	const empty = new Uint8Array(stride);
	for (let y = 0; y < height; y++) {
		const row = pixels.subarray(y * stride, (y + 1) * stride);
		const up = y === 0 ? empty : pixels.subarray((y - 1) * stride, y * stride);
		let best = { type: 0, line: new Uint8Array(stride), cost: Number.POSITIVE_INFINITY };
		for (let type = 0; type <= 4; type++) {
			const line = new Uint8Array(stride);
			let cost = 0;
			for (let i = 0; i < stride; i++) {
				const a = i >= 4 ? byte(row, i - 4) : 0;
				const b = byte(up, i);
				const c = i >= 4 ? byte(up, i - 4) : 0;
				const predicted = byte([0, a, b, (a + b) >> 1, paeth(a, b, c)], type);
				const filtered = (byte(row, i) - predicted) & 0xff;
				line[i] = filtered;
				cost += filtered < 128 ? filtered : 256 - filtered;
			}
			if (cost < best.cost) best = { type, line, cost };
		}
		out[y * (stride + 1)] = best.type;
		Buffer.from(best.line).copy(out, y * (stride + 1) + 1);
	}
	return out;
}

/** An 8-bit RGBA PNG of `shapes`. */
export function drawPng(
	shapes: readonly Shape[],
	gridWidth: number,
	width: number,
	height: number,
): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), no interlace
	const raw = filteredRows(rasterise(shapes, gridWidth, width, height), width, height);
	const data = deflateSync(raw, { level: 9, memLevel: 9, strategy: constants.Z_RLE });
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk("IHDR", header),
		chunk("IDAT", data),
		chunk("IEND", Buffer.alloc(0)),
	]);
}

/** An ICO file holding `images` (square PNGs, as Windows Vista and every browser since read). */
export function icoFile(images: readonly { size: number; png: Buffer }[]): Buffer {
	const header = Buffer.alloc(6 + 16 * images.length);
	header.writeUInt16LE(0, 0);
	header.writeUInt16LE(1, 2); // 1 = icon
	header.writeUInt16LE(images.length, 4);
	let offset = header.length;
	images.forEach(({ size, png }, i) => {
		const entry = 6 + 16 * i;
		header.writeUInt8(size >= 256 ? 0 : size, entry);
		header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
		header.writeUInt16LE(1, entry + 4); // colour planes
		header.writeUInt16LE(32, entry + 6); // bits per pixel
		header.writeUInt32LE(png.length, entry + 8);
		header.writeUInt32LE(offset, entry + 12);
		offset += png.length;
	});
	return Buffer.concat([header, ...images.map(({ png }) => png)]);
}

/** Every icon file, by its path under public/ (which is its URL path). */
export function iconFiles(): Map<string, Buffer> {
	const mark = (size: number) => drawPng(MARK, 64, size, size);
	return new Map([
		["assets/edgewire.svg", Buffer.from(iconSvg(), "utf8")],
		[
			"favicon.ico",
			icoFile([
				{ size: 16, png: mark(16) },
				{ size: 32, png: mark(32) },
			]),
		],
		["assets/edgewire-64.png", mark(64)],
		["assets/edgewire-144.png", mark(144)],
		["assets/edgewire-512.png", mark(512)],
		["assets/edgewire-logo.png", drawPng(LOGO, 128, 288, 144)],
	]);
}

export const PUBLIC_DIRECTORY = new URL("../../public/", import.meta.url);

async function main(): Promise<void> {
	await mkdir(new URL("assets/", PUBLIC_DIRECTORY), { recursive: true });
	for (const [path, bytes] of iconFiles()) {
		await writeFile(new URL(path, PUBLIC_DIRECTORY), bytes);
		console.log(`public/${path}  ${bytes.length} bytes`);
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
