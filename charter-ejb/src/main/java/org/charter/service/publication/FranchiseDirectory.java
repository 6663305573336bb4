package org.charter.service.publication;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.charter.model.franchise.Language;

/**
 * The active franchises by the name in their public address, as every public request looks them up: read with
 * plain JDBC on the tenant registry (before the transaction is bound to a tenant) and kept for {@link #KEPT_MILLIS}.
 * Only franchises that exist are kept, so an address made up by a visitor costs a look-up each time but fills no
 * memory. A suspension or a change of languages shows on this instance at once ({@link #forget}), on the others
 * within those seconds.
 */
@ApplicationScoped
public class FranchiseDirectory {

    static final long KEPT_MILLIS = 10_000;

    private record Kept(PublicFranchise franchise, long until) {}

    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();

    @Resource(lookup = "jdbc/charter")
    DataSource dataSource;

    /** The active franchise at {@code slug}; empty when there is none or it is suspended. */
    public Optional<PublicFranchise> find(String slug) {
        if (slug == null || slug.isEmpty() || slug.length() > 40) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        Kept known = kept.get(slug);
        if (known != null && known.until() > now) {
            return Optional.of(known.franchise());
        }
        Optional<PublicFranchise> read = read(slug);
        read.ifPresentOrElse(
                franchise -> kept.put(slug, new Kept(franchise, now + KEPT_MILLIS)), () -> kept.remove(slug));
        return read;
    }

    /** Drops what is kept of a franchise, after its status or settings changed. */
    public void forget(String franchiseId) {
        kept.values().removeIf(known -> known.franchise().id().equals(franchiseId));
    }

    private Optional<PublicFranchise> read(String slug) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select id, name, slug, default_locale, supported_locales, time_zone from franchise"
                                + " where slug = ? and status = 'ACTIVE'")) {
            statement.setString(1, slug);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                List<Language> languages = Arrays.stream(row.getString(5).split(","))
                        .map(Language::fromTag)
                        .flatMap(Optional::stream)
                        .toList();
                return Optional.of(new PublicFranchise(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        Language.fromTag(row.getString(4)).orElse(Language.EN),
                        languages,
                        row.getString(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the franchise directory", e);
        }
    }
}
