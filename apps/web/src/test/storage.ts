/** Everything in localStorage and sessionStorage, as one text (to check a secret is not in it). */
export function everythingStored(): string {
  const parts: string[] = [document.cookie];
  for (const storage of [window.localStorage, window.sessionStorage]) {
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key !== null) parts.push(key, storage.getItem(key) ?? '');
    }
  }
  return parts.join('\n');
}
