/**
 * A driven clock for the Worker under test (it runs in the test's isolate, so a faked Date is its
 * Date too): start at the real time, then move forward by hand. Never a sleep.
 */
import { afterEach, vi } from "vitest";

let now = 0;

/** Fakes Date from the real now on; returns that instant (ms). */
export function startClock(): number {
	now = Date.now();
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(now);
	return now;
}

/** Sets the clock to `instant` (ms). */
export function setClock(instant: number): void {
	now = instant;
	vi.setSystemTime(now);
}

/** Moves the clock `ms` forward. */
export function advanceClock(ms: number): void {
	setClock(now + ms);
}

afterEach(() => {
	vi.useRealTimers();
});
