package ru.esiaedu.login.age;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import org.keycloak.common.util.Time;

/**
 * Keycloak's notion of "now" as a {@link Clock}: it honours the time offset Keycloak's own tests and admin tools set,
 * so every step of one login agrees with Keycloak's token and session expiry on what time it is.
 */
public final class KeycloakClock extends Clock {

    public static final KeycloakClock UTC = new KeycloakClock(java.time.ZoneOffset.UTC);

    private final ZoneId zone;

    private KeycloakClock(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return newZone.equals(zone) ? this : new KeycloakClock(newZone);
    }

    @Override
    public long millis() {
        return Time.currentTimeMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
