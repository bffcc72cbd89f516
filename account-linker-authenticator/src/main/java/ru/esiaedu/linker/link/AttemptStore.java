package ru.esiaedu.linker.link;

/** Where attempt counters live; {@link SingleUseAttemptStore} in Keycloak, a map in tests. */
public interface AttemptStore {

    AttemptState load(String key);

    void save(String key, AttemptState state, long lifespanSeconds);

    void clear(String key);
}
