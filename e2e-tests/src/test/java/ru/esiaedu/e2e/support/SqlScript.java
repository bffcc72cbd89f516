package ru.esiaedu.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A documented SQL file under deploy/, run statement by statement over JDBC the way {@code psql -f} would run it:
 * {@code --} lines are comments, a statement ends with {@code ;} at the end of a line. Placeholders (the
 * passwords an operator replaces) are substituted first.
 */
public final class SqlScript {

    private final Path file;
    private final List<String> statements;

    private SqlScript(Path file, List<String> statements) {
        this.file = file;
        this.statements = statements;
    }

    /** A file under the repository's deploy/registry/. */
    public static SqlScript registry(String name, Map<String, String> replacements) {
        return read(E2e.repositoryDir().resolve("deploy/registry").resolve(name), replacements);
    }

    static SqlScript read(Path file, Map<String, String> replacements) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            if (!text.contains(r.getKey())) {
                throw new IllegalStateException(file + " no longer holds the placeholder " + r.getKey());
            }
            text = text.replace(r.getKey(), r.getValue());
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (stripped.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException(file + " ends with an unterminated statement: " + current);
        }
        return new SqlScript(file, List.copyOf(statements));
    }

    public List<String> statements() {
        return statements;
    }

    /** Runs every statement on the connection (autocommit as given; CREATE DATABASE needs it on). */
    public void run(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
