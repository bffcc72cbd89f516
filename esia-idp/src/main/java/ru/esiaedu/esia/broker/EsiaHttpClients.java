package ru.esiaedu.esia.broker;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import ru.esiaedu.esia.api.EsiaHttp;

/**
 * The HTTP clients every login of this Keycloak node shares, one per connect timeout. Keycloak calls
 * {@link EsiaIdentityProviderFactory#create} for every request that needs the provider, so a client
 * built in the provider would be built per login, each with its own selector thread and connection
 * pool (neither is released until the client is garbage-collected). The factory lives as long as
 * the server, so it holds them. The connect timeout is the only client-level setting (read timeouts
 * are set per request), and ESIA and the signing service want the same client (HTTP/1.1, no
 * redirects), so one client per timeout serves both.
 */
final class EsiaHttpClients {

    /** An admin trying timeouts leaves old entries behind; this many is more than any realm needs. */
    static final int MAX_CLIENTS = 8;

    private final ConcurrentMap<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    HttpClient forConnectTimeout(Duration connectTimeout) {
        HttpClient client = clients.get(connectTimeout);
        if (client != null) {
            return client;
        }
        if (clients.size() >= MAX_CLIENTS) {
            clients.clear();   // logins in flight keep their client; the next ones get fresh ones
        }
        return clients.computeIfAbsent(connectTimeout, timeout -> EsiaHttp.newClient(null, timeout));
    }

    int size() {
        return clients.size();
    }

    void clear() {
        clients.clear();
    }
}
