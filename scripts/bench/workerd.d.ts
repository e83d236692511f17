/**
 * The workerd package's entry (lib/main.js, CommonJS, no types): the path of the workerd binary.
 * Imported from ESM, the default is either that path or, through the CommonJS interop, the
 * exports object that holds it as `default`.
 */
declare module "workerd" {
	const binary: string | { readonly default: string };
	export default binary;
}
