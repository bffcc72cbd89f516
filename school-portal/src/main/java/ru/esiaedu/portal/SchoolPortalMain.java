package ru.esiaedu.portal;

import java.util.concurrent.CountDownLatch;

/**
 * Stand-alone start for the demo: {@code java -jar school-portal-…-all.jar [--port 3000]
 * [--keycloak-url http://localhost:8080] [--realm school] [--client-id school-portal]
 * [--client-secret school-portal-demo-secret] [--public-url http://localhost:3000] [--platform-name …]}.
 */
public final class SchoolPortalMain {

    private SchoolPortalMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PortalOptions options = PortalOptions.defaults();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                usage();
                return;
            }
            if (i + 1 >= args.length) {
                System.err.println("missing value for " + a);
                usage();
                System.exit(2);
            }
            String v = args[++i];
            switch (a) {
                case "--port" -> options.port(Integer.parseInt(v));
                case "--public-url" -> options.publicUrl(v);
                case "--keycloak-url" -> options.keycloakUrl(v);
                case "--realm" -> options.realm(v);
                case "--client-id" -> options.clientId(v);
                case "--client-secret" -> options.clientSecret(v);
                case "--platform-name" -> options.platformName(v);
                case "--demo-hints" -> options.demoHints(Boolean.parseBoolean(v));
                default -> {
                    System.err.println("unknown option " + a);
                    usage();
                    System.exit(2);
                }
            }
        }
        SchoolPortalApp app = SchoolPortalApp.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stopped.countDown();
        }));
        System.out.println("School portal listening at " + app.baseUrl() + " (Keycloak " + options.realmUrl()
                + ", client " + options.clientId() + ")");
        stopped.await();
    }

    private static void usage() {
        System.out.println("usage: java -jar school-portal-all.jar [--port 3000] [--keycloak-url http://localhost:8080]"
                + " [--realm school] [--client-id school-portal] [--client-secret …] [--public-url http://localhost:3000]"
                + " [--platform-name «…»] [--demo-hints true|false]");
    }
}
