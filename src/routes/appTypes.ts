import type { Env } from "../env";
import type { PreparedSite } from "../publish/preparedSite";

/** Hono's environment for this app: the bindings, and the prepared site set by `withPreparedSite`. */
export interface AppEnv {
	Bindings: Env;
	Variables: { prepared: PreparedSite };
}
