/** Types `env` from "cloudflare:workers" in tests as the Worker's own bindings (src/env.ts). */
import type { Env as EdgewireEnv } from "../../src/env";

declare global {
	namespace Cloudflare {
		interface Env extends EdgewireEnv {}
	}
}
