package ru.esiaedu.linker.link;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Attempt counters in Keycloak's single-use object store: cluster-wide, expiring on their own, nothing in the
 * user store. The read-modify-write of a counter is made safe by {@link #claim}: {@code putIfAbsent} of the store is
 * atomic across the cluster, so only one attempt per key is in flight and counts at a time.
 */
public final class SingleUseAttemptStore implements AttemptStore {

    private static final String IN_FLIGHT = ":in-flight";

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

    @Override
    public boolean claim(String key, long lifespanSeconds) {
        return store.putIfAbsent(key + IN_FLIGHT, Math.max(1, lifespanSeconds));
    }

    @Override
    public void unclaim(String key) {
        store.remove(key + IN_FLIGHT);
    }
}
