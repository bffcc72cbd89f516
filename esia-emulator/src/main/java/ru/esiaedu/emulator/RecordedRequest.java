package ru.esiaedu.emulator;

import java.time.Instant;
import java.util.Map;

/**
 * A request the emulator received, for test assertions. Passwords are never recorded.
 *
 * @param method   HTTP method
 * @param endpoint request path, e.g. {@code /aas/oauth2/v3/te}
 * @param params   query and form parameters (first value of each), without {@code password}
 * @param at       when it arrived
 */
public record RecordedRequest(String method, String endpoint, Map<String, String> params, Instant at) {
}
