package ru.esiaedu.registry.jdbc;

import java.nio.file.Path;
import java.util.Optional;

import org.keycloak.Config;

/**
 * SPI options of the {@code jdbc} provider ({@code --spi-school-registry--jdbc--<option>}).
 * Never printed whole: {@link #toString()} leaves the password and the URL's parameters out.
 */
public record RegistryConfig(String url, String username, String password, int poolSize, int queryTimeoutSeconds,
        int loginTimeoutSeconds, boolean demoData, boolean initializeAtStartup, boolean usesDefaultUrl) {

    public static final String URL = "url";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String POOL_SIZE = "pool-size";
    public static final String QUERY_TIMEOUT = "query-timeout-seconds";
    public static final String LOGIN_TIMEOUT = "login-timeout-seconds";
    public static final String DEMO_DATA = "demo-data";
    public static final String INITIALIZE_AT_STARTUP = "initialize-at-startup";
    /** Without a URL, use the embedded H2 database with the demo accounts (demo and development only). */
    public static final String EMBEDDED_DEMO = "embedded-demo";

    public static final int DEFAULT_POOL_SIZE = 5;
    public static final int DEFAULT_QUERY_TIMEOUT = 3;
    public static final int DEFAULT_LOGIN_TIMEOUT = 5;

    public RegistryConfig {
        if (url == null || url.isBlank() || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("school-registry: option 'url' must be a JDBC URL");
        }
        if (poolSize < 1 || poolSize > 200) {
            throw new IllegalArgumentException("school-registry: option 'pool-size' must be 1..200");
        }
        if (queryTimeoutSeconds < 1 || loginTimeoutSeconds < 1) {
            throw new IllegalArgumentException("school-registry: timeouts must be at least 1 second");
        }
    }

    /** The embedded demo database: {@code ${kc.home.dir}/data/school-registry} (H2 file, PostgreSQL mode). */
    public static String defaultH2Url() {
        String home = System.getProperty("kc.home.dir");
        Path dir = (home == null || home.isBlank() ? Path.of(".") : Path.of(home)).resolve("data");
        return "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("school-registry").toString().replace('\\', '/')
                + ";MODE=PostgreSQL";
    }

    /**
     * The options; without {@link #URL} the embedded H2 demo database only when asked for ({@link #EMBEDDED_DEMO}, or
     * Keycloak in development mode) — otherwise empty: a production start must never fall back to the demo accounts,
     * whose passwords are public.
     */
    public static Optional<RegistryConfig> from(Config.Scope scope, boolean devMode) {
        if (trimToNull(scope.get(URL)) == null && !scope.getBoolean(EMBEDDED_DEMO, devMode)) {
            return Optional.empty();
        }
        return Optional.of(from(scope));
    }

    public static RegistryConfig from(Config.Scope scope) {
        String configured = trimToNull(scope.get(URL));
        boolean isDefault = configured == null;
        String url = isDefault ? defaultH2Url() : configured;
        String username = trimToNull(scope.get(USERNAME));
        String password = scope.get(PASSWORD);
        if (isDefault && username == null) {
            username = "sa";
            password = password == null ? "" : password;
        }
        return new RegistryConfig(url, username, password,
                scope.getInt(POOL_SIZE, DEFAULT_POOL_SIZE),
                scope.getInt(QUERY_TIMEOUT, DEFAULT_QUERY_TIMEOUT),
                scope.getInt(LOGIN_TIMEOUT, DEFAULT_LOGIN_TIMEOUT),
                scope.getBoolean(DEMO_DATA, isDefault),
                scope.getBoolean(INITIALIZE_AT_STARTUP, false),
                isDefault);
    }

    /** True for a {@code ${vault.key}} reference. */
    public boolean passwordIsVaultReference() {
        return password != null && password.startsWith("${vault.") && password.endsWith("}");
    }

    /** The URL without parameters (they may carry credentials): safe to log and to show in the admin console. */
    public String safeUrl() {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        String base = url.substring(0, cut);
        int at = base.indexOf('@');                      // jdbc:postgresql://user:pw@host/db
        int scheme = base.indexOf("//");
        if (at >= 0 && scheme >= 0 && at > scheme) {
            base = base.substring(0, scheme + 2) + "***@" + base.substring(at + 1);
        }
        return base;
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "RegistryConfig[url=" + safeUrl() + ", poolSize=" + poolSize + ", queryTimeoutSeconds="
                + queryTimeoutSeconds + ", loginTimeoutSeconds=" + loginTimeoutSeconds + ", demoData=" + demoData + "]";
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
