import type { Env } from "../env";

/** Hono's environment for this app: the bindings (wrangler.toml). */
export interface AppEnv {
	Bindings: Env;
}
