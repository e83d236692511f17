/**
 * The one node:crypto call Edgewire makes (nodejs_compat provides it in workerd), typed here so
 * that src/ needs no @types/node, whose globals would blur what the Workers runtime offers.
 */
declare module "node:crypto" {
	interface Hash {
		update(data: Uint8Array): Hash;
		digest(encoding: "hex"): string;
	}
	export function createHash(algorithm: "sha256"): Hash;
}
