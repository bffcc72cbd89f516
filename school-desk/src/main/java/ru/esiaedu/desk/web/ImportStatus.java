package ru.esiaedu.desk.web;

import java.util.HashMap;
import java.util.Map;

/**
 * The state of one import as the page polls it, kept in Keycloak's single-use store (shared by the cluster's nodes,
 * expiring on its own) as a map of strings. Only its caller ({@code actor}) may read it.
 *
 * @param report the report's JSON ({@link Views.Import}) once done; null before
 */
record ImportStatus(String actor, State state, int done, int total, String message, String report) {

    enum State { RUNNING, DONE, FAILED }

    static ImportStatus running(String actor, int done, int total) {
        return new ImportStatus(actor, State.RUNNING, done, total, null, null);
    }

    Map<String, String> toMap() {
        Map<String, String> map = new HashMap<>();
        map.put("actor", actor);
        map.put("state", state.name());
        map.put("done", Integer.toString(done));
        map.put("total", Integer.toString(total));
        if (message != null) {
            map.put("message", message);
        }
        if (report != null) {
            map.put("report", report);
        }
        return map;
    }

    /** @return null for a map that is not an import's state */
    static ImportStatus fromMap(Map<String, String> map) {
        if (map == null || map.get("actor") == null || map.get("state") == null) {
            return null;
        }
        try {
            return new ImportStatus(map.get("actor"), State.valueOf(map.get("state")), Integer.parseInt(map.get("done")),
                    Integer.parseInt(map.get("total")), map.get("message"), map.get("report"));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
