/** Waits for an element the site renders after an action (a dialog after a click). */
export async function waitForElement<E extends Element>(find: () => E | null, timeoutMs = 3_000): Promise<E | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
}
