/**
 * The one memoisation helper of the project: `make` runs once per key, and
 * its result is kept for later calls. An object key (a schema, a record, a
 * template's strings) is held weakly, so what is remembered goes with it; any
 * other key (a quarter, a text) is kept for the life of the process, which
 * suits the small, fixed sets such keys come from. perValidationPass
 * (src/core/data/content-bundle.ts) is this, keyed by the validated bundle.
 */
export function memoize<K, V>(make: (key: K) => V): (key: K) => V {
  const byObject = new WeakMap<object, V>();
  const byValue = new Map<K, V>();
  return (key: K): V => {
    const store = (typeof key === 'object' && key !== null) || typeof key === 'function' ? byObject : byValue;
    const stored = (store as Map<unknown, V>).get(key);
    if (stored !== undefined || (store as Map<unknown, V>).has(key)) return stored as V;
    const made = make(key);
    (store as Map<unknown, V>).set(key, made);
    return made;
  };
}
