/**
 * Settings read once per isolate. workerd hands every request of an isolate the same `env` object, so a reader
 * wrapped in {@link perEnv} parses and validates its settings on the first request and answers the rest from a
 * cache keyed by that object. Another object (a Durable Object's env, a test's literal) is read afresh.
 */

/**
 * Wraps a settings reader so that it runs once per `env` object; later calls with the same object return the same
 * value, frozen (shallowly) because every request shares it. The reader must read nothing but `env`: its answer is
 * kept for the isolate's life. Never throws unless `read` does, and a throw is not cached.
 */
export function perEnv<E extends object, T>(read: (env: E) => T): (env: E) => T {
  // Boxed so that an `undefined` answer is cached too. A WeakMap, so an env object that goes is not kept.
  const cache = new WeakMap<E, { value: T }>();
  return (env) => {
    const cached = cache.get(env);
    if (cached !== undefined) return cached.value;
    const value = Object.freeze(read(env));
    cache.set(env, { value });
    return value;
  };
}
