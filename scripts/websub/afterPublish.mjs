/** Placeholder replaced once the hardened hub notifier lands (issue 10). */
export async function notifyAfterPublish() {}
