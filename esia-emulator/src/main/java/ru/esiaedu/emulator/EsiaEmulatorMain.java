package ru.esiaedu.emulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Stand-alone start: {@code java -jar esia-emulator-…-all.jar --port 8081 --public-url http://localhost:8081
 * [--token-alg GOST3410_2012_256] [--persons persons.json] [--clients clients.json] [--max-skew-seconds 300]}.
 */
public final class EsiaEmulatorMain {
    private EsiaEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorOptions options = EmulatorOptions.defaults().port(8081);
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
                case "--public-url" -> options.publicBaseUrl(v);
                case "--token-alg" -> options.tokenAlgorithm(v);
                case "--persons" -> options.personsFile(Path.of(v));
                case "--clients" -> options.clientsFile(Path.of(v));
                case "--quick-login-buttons" -> options.quickLoginButtons(Integer.parseInt(v));
                case "--oidc-client-secret" -> options.oidcClientSecret(v);
                case "--max-skew-seconds" -> options.maxClockSkew(java.time.Duration.ofSeconds(Long.parseLong(v)));
                default -> {
                    System.err.println("unknown option " + a);
                    usage();
                    System.exit(2);
                }
            }
        }
        EsiaEmulator emulator = EsiaEmulator.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        System.out.println("ESIA emulator listening at " + emulator.baseUrl() + " (iss " + emulator.issuer()
                + ", tokens " + options.tokenAlgorithm() + "); personal account " + emulator.baseUrl() + "/profile"
                + "; OIDC mode " + emulator.oidcIssuer() + "/.well-known/openid-configuration");
        stopped.await();
    }

    private static void usage() {
        System.out.println("usage: java -jar esia-emulator-all.jar [--port 8081] [--public-url http://localhost:8081]"
                + " [--token-alg RS256|GOST3410_2012_256] [--persons file] [--clients file] [--max-skew-seconds 300]"
                + " [--quick-login-buttons N] [--oidc-client-secret secret]");
    }
}
