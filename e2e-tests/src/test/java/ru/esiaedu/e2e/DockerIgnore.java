package ru.esiaedu.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a {@code .dockerignore} file, applied as Docker applies them (moby's patternmatcher): patterns
 * are matched against the path and each of its parent directories, {@code *} and {@code ?} stay within one
 * path segment, {@code **} spans any number, {@code !} re-includes, and the last matching line wins.
 */
final class DockerIgnore {

    private record Rule(Pattern pattern, boolean exception, String text) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exception = line.startsWith("!");
            String pattern = clean(exception ? line.substring(1).strip() : line);
            rules.add(new Rule(Pattern.compile(toRegex(pattern)), exception, line));
        }
        return new DockerIgnore(rules);
    }

    /** True if a file at this path (relative, with '/') is sent to the Docker daemon. */
    boolean includes(String path) {
        String[] parts = path.split("/");
        boolean excluded = false;
        for (Rule rule : rules) {
            boolean matches = rule.pattern.matcher(path).matches();
            for (int i = 1; !matches && i < parts.length; i++) {
                matches = rule.pattern.matcher(String.join("/", java.util.Arrays.copyOf(parts, i))).matches();
            }
            if (matches) {
                excluded = !rule.exception;
            }
        }
        return !excluded;
    }

    private static String clean(String pattern) {
        String p = pattern.replaceAll("/+", "/");
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("./") ? p.substring(2) : p;
    }

    private static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder("^");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                        i++;
                    }
                    regex.append(i + 1 >= pattern.length() ? ".*" : "(.*/)?");
                } else {
                    regex.append("[^/]*");
                }
            } else if (c == '?') {
                regex.append("[^/]");
            } else if ("\\.+()|{}[]^$".indexOf(c) >= 0) {
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
        }
        return regex.append('$').toString();
    }
}
