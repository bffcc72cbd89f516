import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * 152-ФЗ: no personal data in what a build prints or logs. Scans the build's console output (the file given) and every
 * log and test report under the modules' target/ directories for the personal data of the test persons (the ESIA
 * emulator's persons.json) and of the registry's demo accounts: surnames, SNILS, INN, phones, e-mails, documents,
 * legacy logins, passwords, account ids; and for tokens (JWTs) and the demo keys' material. Prints where a value was
 * found and what kind it is, never the value.
 *
 * <p>Run from the repository root: {@code java .ci/PersonalDataScan.java target/ci-output.log}. Exit status 1 when
 * anything was found. Page sources and screenshots a failed end-to-end test saves (e2e-artifacts/) are evidence, not
 * logs, and are not scanned; neither is ChromeDriver's log, which records the keys the tests type into the pages.
 */
public class PersonalDataScan {

    private static final Pattern JSON_FIELD = Pattern.compile("\"(lastName|snils|inn|value|series|number|actNo|password)\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern DEMO_COLUMN = Pattern.compile("<column name=\"(last_name|legacy_login|email_entered|phone|snils|id)\" value=\"([^\"]*)\"");

    public static void main(String[] args) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Map<String, String> values = personalData(root);
        if (!values.containsKey("Захарченко")) {
            System.err.println("[pd-scan] the test persons were not found; run from the repository root");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            files.add(Path.of(arg));
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> root.relativize(p).toString().matches("[^/]+/target/.*"))
                    .filter(PersonalDataScan::isLogOrReport)
                    .forEach(files::add);
        }
        int found = 0;
        for (Path file : files) {
            found += scan(root, file, values);
        }
        System.out.printf("[pd-scan] %d files, %d personal-data values checked: %s%n", files.size(), values.size(),
                found == 0 ? "none found" : found + " found");
        System.exit(found == 0 ? 0 : 1);
    }

    private static boolean isLogOrReport(Path file) {
        String path = file.toString();
        String name = file.getFileName().toString();
        return name.endsWith(".log") && !path.contains("/e2e-artifacts/") && !name.equals("chromedriver.log")
                || path.contains("/surefire-reports/") && name.endsWith(".txt");
    }

    /** A signed or encrypted JWT: header and payload are base64url JSON objects. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}");

    private static int scan(Path root, Path file, Map<String, String> values) throws IOException {
        if (!Files.isReadable(file)) {
            System.out.println("[pd-scan] missing: " + file);
            return 0;
        }
        int found = 0;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (JWT.matcher(line).find()) {
                System.out.printf("[pd-scan] %s:%d: a token (JWT)%n", root.relativize(file.toAbsolutePath()), i + 1);
                found++;
            }
            for (Map.Entry<String, String> value : values.entrySet()) {
                if (line.contains(value.getKey())) {
                    System.out.printf("[pd-scan] %s:%d: %s%n", root.relativize(file.toAbsolutePath()), i + 1, value.getValue());
                    found++;
                }
            }
        }
        return found;
    }

    /** value → what kind of personal data it is (printed instead of the value). */
    static Map<String, String> personalData(Path root) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        String persons = Files.readString(root.resolve("esia-emulator/src/main/resources/persons.json"), StandardCharsets.UTF_8);
        Matcher field = JSON_FIELD.matcher(persons);
        while (field.find()) {
            String kind = field.group(1);
            String value = field.group(2).strip();
            switch (kind) {
                case "lastName" -> put(values, value, "a test person's surname", 4);
                case "snils" -> {
                    put(values, value, "a SNILS", 6);
                    put(values, value.replaceAll("\\D", ""), "a SNILS (digits)", 6);
                }
                case "value" -> {
                    if (value.contains("@")) {
                        put(values, value, "an e-mail", 6);
                    } else {
                        String digits = value.replaceAll("\\D", "");
                        put(values, value, "a phone", 6);
                        put(values, digits.length() > 10 ? digits.substring(digits.length() - 10) : digits, "a phone (digits)", 10);
                    }
                }
                case "password" -> put(values, value, "a test person's password", 6);
                default -> put(values, value, "an identity document or INN", 6);
            }
        }
        try (Stream<Path> files = Files.list(root.resolve("school-registry/src/main/resources/db/registry"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains("demo-data")).toList()) {
                Matcher column = DEMO_COLUMN.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (column.find()) {
                    String value = column.group(2).strip();
                    switch (column.group(1)) {
                        case "last_name" -> put(values, value, "a demo account's surname", 4);
                        case "legacy_login" -> put(values, value, "a legacy login", 6);
                        case "email_entered" -> put(values, value, "an e-mail", 6);
                        case "phone" -> put(values, value, "a phone (digits)", 10);
                        case "snils" -> put(values, value, "a SNILS (digits)", 11);
                        default -> {
                            if (value.startsWith("acc-")) {
                                put(values, value, "a demo account id (it carries a surname)", 6);
                            }
                        }
                    }
                }
            }
        }
        put(values, "Sgo-2024!", "the demo accounts' legacy password", 6);
        for (String key : List.of("realm-export/src/main/resources/demo-keys/client-gost.key.pem",
                "esia-emulator/src/main/resources/keys")) {
            Path path = root.resolve(key);
            try (Stream<Path> pems = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
                for (Path pem : pems.filter(f -> f.getFileName().toString().contains("key")).toList()) {
                    for (String line : Files.readAllLines(pem, StandardCharsets.UTF_8)) {
                        if (!line.startsWith("-----") && line.strip().length() >= 16) {
                            put(values, line.strip(), "private key material", 16);
                        }
                    }
                }
            }
        }
        return values;
    }

    private static void put(Map<String, String> values, String value, String kind, int minLength) {
        if (value.length() >= minLength) {
            values.putIfAbsent(value, kind);
        }
    }
}
