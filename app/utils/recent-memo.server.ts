/**
 * Remembers the last few results of an expensive computation for a short while. Import previews use it so that paging
 * through a staged file parses it once, not on every page: a file at the upload limit takes seconds to check.
 */
export function recentMemo<Key, Value>(options: { size: number; ttlMs: number }) {
  const entries = new Map<Key, { at: number; value: Value }>();
  return (key: Key, compute: () => Value, now = Date.now()): Value => {
    const hit = entries.get(key);
    entries.delete(key);
    if (hit && now - hit.at < options.ttlMs) {
      entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    entries.set(key, { at: now, value });
    for (const oldest of entries.keys()) {
      if (entries.size <= options.size) break;
      entries.delete(oldest);
    }
    return value;
  };
}
