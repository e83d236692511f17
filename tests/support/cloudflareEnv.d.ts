/** Types `env` from "cloudflare:workers" in tests as the Worker's own bindings (src/env.ts). */
import type { D1Migration } from "cloudflare:test";
import type { Env as EdgewireEnv } from "../../src/env";

declare global {
	namespace Cloudflare {
		interface Env extends EdgewireEnv {
			/** migrations/, read by vitest.config.ts for tests/support/storeSetup.ts. */
			readonly TEST_MIGRATIONS: D1Migration[];
		}
	}
}
