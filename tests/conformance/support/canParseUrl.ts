/** Whether `value` is an absolute URL (URL.canParse, which the Workers types do not declare). */
export function canParseUrl(value: string): boolean {
	try {
		new URL(value);
		return true;
	} catch {
		return false;
	}
}
