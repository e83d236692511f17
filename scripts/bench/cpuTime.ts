/** CPU time a process has used so far (user + system), in milliseconds; Linux only. */
import { readFileSync } from "node:fs";

// /proc/<pid>/stat counts in clock ticks; Linux fixes USER_HZ at 100 for this interface.
const TICK_MS = 10;

export function cpuMs(pid: number): number | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
		// Fields after the command name (which may contain spaces) start at state, field 3.
		const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
		return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
	} catch {
		return undefined;
	}
}
