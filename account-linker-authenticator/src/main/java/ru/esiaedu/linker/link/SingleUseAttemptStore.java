package ru.esiaedu.linker.link;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Attempt counters in Keycloak's single-use object store: cluster-wide, expiring on their own, nothing in the
 * user store. Read-modify-write is not atomic across nodes; like Keycloak's own brute-force detector this
 * may let a handful of parallel guesses through, never an unlimited number.
 */
public final class SingleUseAttemptStore implements AttemptStore {

    private final SingleUseObjectProvider store;

    public SingleUseAttemptStore(SingleUseObjectProvider store) {
        this.store = store;
    }

    @Override
    public AttemptState load(String key) {
        return AttemptState.fromNotes(store.get(key));
    }

    @Override
    public void save(String key, AttemptState state, long lifespanSeconds) {
        // put() (not replace()) so the lifespan restarts with each failure.
        store.put(key, Math.max(1, lifespanSeconds), state.toNotes());
    }

    @Override
    public void clear(String key) {
        store.remove(key);
    }
}
