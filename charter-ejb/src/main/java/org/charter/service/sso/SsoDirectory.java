package org.charter.service.sso;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.charter.model.franchise.Franchise;
import org.charter.model.franchise.FranchiseStatus;
import org.charter.model.people.Account;
import org.charter.model.people.Role;
import org.charter.model.sso.SsoConnection;
import org.charter.model.sso.SsoMatch;
import org.charter.service.tenancy.TenantSession;

/**
 * The reads single sign-on makes before anyone is signed in: a franchise's connection (only an active franchise
 * with single sign-on switched on has one), and the one account of that franchise the provider's claim names.
 * The account is looked for inside the franchise's own tenant, both locks bound: another franchise's people are
 * never candidates, whatever the provider says.
 */
@Stateless
public class SsoDirectory {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    TenantSession tenant;

    /** A connection as the sign-in needs it (the secret still sealed). */
    public record Connection(
            String franchiseId, String issuer, String clientId, String sealedSecret, String claim, SsoMatch matchBy) {}

    /** An account the provider's claim named. */
    public record Match(String accountId, String username, Set<Role> roles, int generation) {}

    public Optional<Connection> bySlug(String slug) {
        if (slug == null || slug.isBlank() || slug.length() > 64) {
            return Optional.empty();
        }
        return em.createQuery("select f from Franchise f where f.slug = :slug", Franchise.class)
                .setParameter("slug", slug.strip().toLowerCase(java.util.Locale.ROOT))
                .getResultStream()
                .findFirst()
                .flatMap(f -> byFranchise(f.getId()));
    }

    public Optional<Connection> byFranchise(String franchiseId) {
        Franchise franchise = franchiseId == null ? null : em.find(Franchise.class, franchiseId);
        if (franchise == null || franchise.getStatus() != FranchiseStatus.ACTIVE) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(SsoConnection.class, franchiseId))
                .filter(SsoConnection::isEnabled)
                .map(c -> new Connection(
                        c.getFranchiseId(),
                        c.getIssuer(),
                        c.getClientId(),
                        c.getSealedSecret(),
                        c.getClaim(),
                        c.getMatchBy()));
    }

    /**
     * The active account of the franchise whose person (or, for {@link SsoMatch#USERNAME}, whose account) has
     * {@code value}; empty when none has, or more than one has (an e-mail address two people share names nobody).
     */
    public Optional<Match> account(String franchiseId, SsoMatch matchBy, String value) {
        tenant.enter(franchiseId);
        String where = switch (matchBy) {
            case EMAIL -> "lower(p.email) = lower(:value)";
            case EMPLOYEE_NUMBER -> "p.employeeNumber = :value";
            case USERNAME -> "a.username = lower(:value)";
        };
        List<Account> found = em.createQuery(
                        "select a from Person p join p.account a where a.franchiseId = :franchise and a.active = true"
                                + " and " + where,
                        Account.class)
                .setParameter("franchise", franchiseId)
                .setParameter("value", value)
                .setMaxResults(2)
                .getResultList();
        if (found.size() != 1) {
            return Optional.empty();
        }
        Account a = found.get(0);
        return Optional.of(new Match(a.getId(), a.getUsername(), a.getRoles(), a.getCredentialGeneration()));
    }
}
