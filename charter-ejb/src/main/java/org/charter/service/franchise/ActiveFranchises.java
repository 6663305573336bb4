package org.charter.service.franchise;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The franchises whose background work runs (evidence checkpoints, reminders): the active ones. Read with plain
 * JDBC outside any tenant, as the franchise table is the tenant registry and has no row-level security; each
 * franchise's work then binds its own transaction to it.
 */
@ApplicationScoped
public class ActiveFranchises {

    @Resource(lookup = "jdbc/charter")
    DataSource dataSource;

    public List<String> ids() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select id::text from franchise where status = 'ACTIVE'");
                ResultSet rows = statement.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the franchises", e);
        }
    }
}
