package ru.esiaedu.linker.link;

/** Where attempt counters live; {@link SingleUseAttemptStore} in Keycloak, a map in tests. */
public interface AttemptStore {

    AttemptState load(String key);

    void save(String key, AttemptState state, long lifespanSeconds);

    void clear(String key);

    /**
     * Marks an attempt under this key as in flight, cluster-wide and atomically; false when one already is. The mark
     * expires by itself after {@code lifespanSeconds}, so a crashed node cannot keep a form closed.
     */
    boolean claim(String key, long lifespanSeconds);

    void unclaim(String key);
}
