/**
 * The corpus's lead images, drawn here and served to the browser by the test itself (Playwright
 * answers requests to IMAGE_ORIGIN), so the suite needs no network and ships no photographs: three
 * simple landscapes as 1200 × 800 PNGs, drawn once per run.
 */
import { crc32, deflateSync } from "node:zlib";

const WIDTH = 1200;
const HEIGHT = 800;

type Rgb = readonly [number, number, number];
type Painter = (x: number, y: number) => Rgb;

const mix = (a: Rgb, b: Rgb, t: number): Rgb => {
	const k = Math.min(1, Math.max(0, t));
	return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k];
};
const hex = (value: string): Rgb => [
	Number.parseInt(value.slice(1, 3), 16),
	Number.parseInt(value.slice(3, 5), 16),
	Number.parseInt(value.slice(5, 7), 16),
];

/** A green dike along a river under a light sky. */
const dijk: Painter = (x, y) => {
	const u = x / WIDTH;
	const v = y / HEIGHT;
	const horizon = 0.42 + 0.02 * Math.sin(u * 9);
	if (v < horizon) return mix(hex("#8fbbe0"), hex("#e8f0f4"), v / horizon);
	const trees = horizon + 0.035 + 0.02 * Math.sin(u * 37) * Math.sin(u * 11);
	if (v < trees) return hex("#3f5f36");
	const crest = 0.55 - 0.06 * u;
	if (v < crest) return mix(hex("#7fae55"), hex("#6b9c46"), (v - trees) / (crest - trees));
	const path = crest + 0.015;
	if (v < path) return hex("#cfc3a4");
	const foot = 0.7 + 0.04 * u;
	if (v < foot) return mix(hex("#5d8f3b"), hex("#4b7a30"), (v - path) / (foot - path));
	const ripple = Math.sin(x / 23 + Math.sin(y / 7) * 3) > 0.97 ? 0.2 : 0;
	return mix(mix(hex("#5b86a3"), hex("#3c6480"), (v - foot) / (1 - foot)), hex("#d6e6ef"), ripple);
};

/** Canal houses with lit windows at dusk, reflected in the water. */
const stad: Painter = (x, y) => {
	const v = y / HEIGHT;
	const water = 0.72;
	const mirrored = v > water ? 2 * water - v : v;
	const house = Math.floor(x / 110);
	const roof = 0.28 + ((house * 37) % 11) / 60;
	const inFacade = mirrored > roof && mirrored < water;
	let colour: Rgb;
	if (!inFacade) {
		colour = mix(hex("#27345f"), hex("#f0a35c"), mirrored / water);
	} else {
		const wx = (x % 110) / 110;
		const wy = ((mirrored - roof) * HEIGHT) % 64;
		const lit = (house * 7 + Math.floor(((mirrored - roof) * HEIGHT) / 64)) % 3 !== 0;
		const window = wx > 0.2 && wx < 0.42 && wy > 18 && wy < 48;
		const window2 = wx > 0.58 && wx < 0.8 && wy > 18 && wy < 48;
		colour =
			(window || window2) && lit ? hex("#f6c965") : hex(house % 2 === 0 ? "#2a2430" : "#352a2c");
	}
	if (v <= water) return colour;
	const ripple = Math.sin(y / 3 + Math.sin(x / 23) * 3) > 0.6 ? 0.35 : 0.15;
	return mix(colour, hex("#1d2a40"), ripple);
};

/** Fields in stripes towards the horizon, with a windmill. */
const veld: Painter = (x, y) => {
	const u = x / WIDTH;
	const v = y / HEIGHT;
	const horizon = 0.45;
	const millX = 0.72;
	const nearMill = Math.abs(u - millX);
	const body = v > 0.3 && v < horizon && nearMill < 0.012 + (v - 0.3) * 0.12;
	const blade = (() => {
		const dx = u - millX;
		const dy = (v - 0.3) * (HEIGHT / WIDTH);
		const r = Math.hypot(dx, dy);
		if (r > 0.11) return false;
		const angle = Math.atan2(dy, dx) + 0.4;
		return Math.abs(Math.sin(angle * 2)) < 0.1;
	})();
	if (body || blade) return hex("#3a3330");
	if (v < horizon) return mix(hex("#a9cbe6"), hex("#f4f1e1"), v / horizon);
	const depth = (v - horizon) / (1 - horizon);
	const lane = (u - 0.5) / (0.15 + depth);
	const stripe = Math.floor(lane * 6) % 2 === 0;
	const field = stripe ? hex("#9fbf4a") : hex("#d9c35b");
	return mix(mix(field, hex("#c9d7b0"), 0.35 * (1 - depth)), hex("#5e7f2e"), depth * 0.35);
};

export const SCENES = { dijk, stad, veld } as const;

/** A PNG chunk: length, type, data, and the CRC-32 of type and data (PNG spec §5.3). */
function chunk(type: string, data: Uint8Array): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, "latin1");
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, crc]);
}

/** The scene as an 8-bit RGB PNG (PNG spec §11: IHDR, one IDAT, IEND; every row filtered "Up"). */
export function drawScene(paint: Painter): Buffer {
	const stride = WIDTH * 3;
	const pixels = Buffer.alloc(HEIGHT * stride);
	for (let y = 0; y < HEIGHT; y++) {
		for (let x = 0; x < WIDTH; x++) {
			const [r, g, b] = paint(x, y);
			pixels.set([Math.round(r), Math.round(g), Math.round(b)], y * stride + x * 3);
		}
	}
	const raw = Buffer.alloc(HEIGHT * (stride + 1));
	for (let y = 0; y < HEIGHT; y++) {
		const row = y * (stride + 1);
		raw[row] = y === 0 ? 0 : 2;
		for (let i = 0; i < stride; i++) {
			const above = y === 0 ? 0 : (pixels[(y - 1) * stride + i] ?? 0);
			raw[row + 1 + i] = ((pixels[y * stride + i] ?? 0) - above) & 0xff;
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(WIDTH, 0);
	header.writeUInt32BE(HEIGHT, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk("IHDR", header),
		chunk("IDAT", deflateSync(raw, { level: 6 })),
		chunk("IEND", new Uint8Array(0)),
	]);
}
