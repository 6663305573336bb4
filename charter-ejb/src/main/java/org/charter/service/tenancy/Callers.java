package org.charter.service.tenancy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.charter.model.api.ApiScope;
import org.charter.model.common.AccessDeniedException;
import org.charter.model.people.Role;

/**
 * Resolves the signed-in account for every transaction. Read with plain JDBC from the account registry so the
 * entity manager of the transaction is still untouched when the tenant is bound to it. It is read once per HTTP
 * request, by the session guard at its start (with the credentials' generation it checks), and once per
 * transaction outside requests, so a suspended franchise or a person who left is shut out at their next click,
 * not at their next login.
 */
@ApplicationScoped
public class Callers {

    private static final String SQL = "select a.id, a.username, a.franchise_id, a.roles, a.credential_generation"
            + " from account a left join franchise f on f.id = a.franchise_id"
            + " where a.username = ? and a.active and (a.franchise_id is null or f.status = 'ACTIVE')";

    /** A token that may still be used, of a franchise that is active, found by the SHA-256 of the token. */
    private static final String TOKEN_SQL = "select t.id, t.prefix, t.franchise_id, t.scopes from api_token t"
            + " join franchise f on f.id = t.franchise_id"
            + " where t.token_hash = ? and t.revoked_at is null and t.expires_at > now() and f.status = 'ACTIVE'";

    /** Last use, kept to the minute so that a busy token is not written on every call. */
    private static final String TOKEN_USED = "update api_token set last_used_at = now() where id = ?"
            + " and (last_used_at is null or last_used_at < now() - interval '1 minute')";

    /** How a token's caller is named in the audit trail: the token's visible prefix, never its secret. */
    public static final String TOKEN_CALLER = "api-token:";

    @Inject
    CallerIdentity identity;

    @Resource(lookup = "jdbc/charter")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    ThisRequest thisRequest;

    /** The caller as read at the start of a request, with the generation of their credentials. */
    public record Checked(SignedIn caller, int credentialGeneration) {}

    /**
     * Reads the caller once at the start of an HTTP request (the session guard does): the account as it is now,
     * or empty when it may no longer work. The transactions of the same request use what was read here
     * instead of reading it again.
     */
    public Optional<Checked> checkAtRequestStart(String username) {
        Optional<Checked> checked = read(username);
        checked.ifPresent(known -> thisRequest.remember(known.caller()));
        return checked;
    }

    /**
     * Checks an API token at the start of a request, by the SHA-256 of what the client sent: the caller it stands
     * for (its franchise, and its scopes as roles), or empty when it is unknown, revoked, expired, or its
     * franchise is suspended. The services called in the rest of the request act as that caller.
     */
    public Optional<SignedIn> checkTokenAtRequestStart(String tokenHash) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(TOKEN_SQL)) {
            statement.setString(1, tokenHash);
            SignedIn caller;
            String tokenId;
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                tokenId = row.getString(1);
                caller = new SignedIn(
                        null,
                        TOKEN_CALLER + row.getString(2),
                        row.getString(3),
                        ApiScope.roles(ApiScope.split(row.getString(4))));
            }
            try (PreparedStatement used = connection.prepareStatement(TOKEN_USED)) {
                used.setObject(1, java.util.UUID.fromString(tokenId));
                used.executeUpdate();
            }
            thisRequest.rememberToken(caller);
            return Optional.of(caller);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the API token", e);
        }
    }

    /** Who to name in the audit trail for this call: the token, the signed-in account, or nobody. */
    public Optional<String> actorName() {
        return tokenThisRequest().map(SignedIn::username).or(identity::username);
    }

    /**
     * The signed-in caller; refuses anonymous callers and accounts that may no longer work. Read once per
     * transaction: the calls inside one transaction see the same caller.
     */
    public SignedIn current() {
        Optional<SignedIn> token = tokenThisRequest();
        if (token.isPresent()) {
            return token.get();
        }
        String username = identity.username().orElseThrow(AccessDeniedException::new);
        boolean inTransaction = transaction.getTransactionStatus() == Status.STATUS_ACTIVE;
        String key = "charter.caller:" + username;
        if (inTransaction && transaction.getResource(key) instanceof SignedIn known) {
            return known;
        }
        SignedIn caller = readThisRequest(username)
                .or(() -> read(username).map(Checked::caller))
                .orElseThrow(AccessDeniedException::new);
        if (inTransaction) {
            transaction.putResource(key, caller);
        }
        return caller;
    }

    /** What the session guard read at the start of this request, if it is about this caller. */
    private Optional<SignedIn> readThisRequest(String username) {
        try {
            return Optional.ofNullable(thisRequest.caller())
                    .filter(known -> known.username().equals(username));
        } catch (ContextNotActiveException e) {
            // a scheduled job or a start-up task: no HTTP request
            return Optional.empty();
        }
    }

    /** The API token this request came with, if it came with one. */
    private Optional<SignedIn> tokenThisRequest() {
        try {
            return Optional.ofNullable(thisRequest.token());
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
    }

    private Optional<Checked> read(String username) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setString(1, username);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Checked(
                        new SignedIn(row.getString(1), row.getString(2), row.getString(3), roles(row.getString(4))),
                        row.getInt(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the signed-in account", e);
        }
    }

    private static Set<Role> roles(String roles) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(String::strip).map(Role::valueOf).forEach(parsed::add);
        return parsed;
    }

    /** The caller read at the start of the current HTTP request (reached through methods: the bean is proxied). */
    @RequestScoped
    public static class ThisRequest {

        private SignedIn caller;

        private SignedIn token;

        void remember(SignedIn caller) {
            this.caller = caller;
        }

        void rememberToken(SignedIn tokenCaller) {
            this.token = tokenCaller;
        }

        SignedIn token() {
            return token;
        }

        SignedIn caller() {
            return caller;
        }
    }
}
