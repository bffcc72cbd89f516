package ru.esiaedu.linker.link;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.keycloak.common.util.Time;

/** Keycloak's notion of "now" (honours the time offset its test suites set), as a {@link Clock}. */
public final class KeycloakTimeClock extends Clock {

    public static final KeycloakTimeClock INSTANCE = new KeycloakTimeClock();

    private KeycloakTimeClock() {
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
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
