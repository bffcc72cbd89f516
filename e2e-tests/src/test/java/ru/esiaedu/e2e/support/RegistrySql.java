package ru.esiaedu.e2e.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Plain SQL on the shared registry database, as a school (or an operator checking records) would run it:
 * the browser tests look at what a login stored and set up what a school would have typed.
 */
public final class RegistrySql {

    private final PostgresDatabase database;

    public RegistrySql(KeycloakTestServer keycloak) {
        this.database = keycloak.database();
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = database.registryConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row of a {@code SELECT COUNT(*) …}. */
    public long count(String sql) throws SQLException {
        try (Connection connection = database.registryConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Registry accounts linked to this ESIA person. */
    public Set<String> linkedAccounts(String oid) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (Connection connection = database.registryConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT id FROM sr_account WHERE esia_oid = ?")) {
            statement.setString(1, oid);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
