package ru.esiaedu.registry.jdbc;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.keycloak.Config;

/** A Keycloak config scope backed by a map, as {@code --spi-school-registry--jdbc--*} options would fill it. */
final class MapScope implements Config.Scope {

    private final Map<String, String> values;

    MapScope(Map<String, String> values) {
        this.values = new HashMap<>(values);
    }

    @Override
    public String get(String key) {
        return values.get(key);
    }

    @Override
    public String get(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    @Override
    public String[] getArray(String key) {
        String v = values.get(key);
        return v == null ? null : v.split(",");
    }

    @Override
    public Integer getInt(String key, Integer defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : Integer.valueOf(v);
    }

    @Override
    public Long getLong(String key, Long defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : Long.valueOf(v);
    }

    @Override
    public Boolean getBoolean(String key, Boolean defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : Boolean.valueOf(v);
    }

    @Override
    public Config.Scope scope(String... scope) {
        return new MapScope(Map.of());
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Config.Scope root() {
        return this;
    }
}
