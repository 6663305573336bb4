package org.charter.model.sso;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.charter.model.common.BusinessException;

/**
 * A franchise's OpenID provider: where its people sign in instead of typing a Charter password. Like an account
 * it is read before anyone is signed in, so it belongs to the platform's registry and is keyed by its franchise.
 * The client secret is kept sealed (the service seals it with the operator's key before it reaches this entity).
 */
@Entity
@Table(name = "sso_connection")
public class SsoConnection implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int ISSUER_LENGTH = 255;
    public static final int CLIENT_ID_LENGTH = 200;
    public static final int CLIENT_SECRET_LENGTH = 500;
    public static final int CLAIM_LENGTH = 64;

    private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    @Id
    @Column(name = "franchise_id", length = 36)
    private String franchiseId;

    @Column(nullable = false, length = ISSUER_LENGTH)
    private String issuer;

    @Column(name = "client_id", nullable = false, length = CLIENT_ID_LENGTH)
    private String clientId;

    @Column(name = "client_secret", nullable = false, length = 1000)
    private String sealedSecret;

    @Column(nullable = false, length = CLAIM_LENGTH)
    private String claim;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_by", nullable = false, length = 16)
    private SsoMatch matchBy;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected SsoConnection() {}

    public SsoConnection(String franchiseId) {
        this.franchiseId = franchiseId;
    }

    /**
     * Sets what HQ typed; {@code sealedSecret} null keeps the secret already kept (a new connection must bring
     * one). {@code allowHttp} admits a plain-http issuer, for a provider on the operator's own machine.
     */
    public void configure(
            String issuer,
            String clientId,
            String sealedSecret,
            String claim,
            SsoMatch matchBy,
            boolean enabled,
            boolean allowHttp,
            String by,
            OffsetDateTime now) {
        this.issuer = checkIssuer(issuer, allowHttp);
        String id = clientId == null ? "" : clientId.strip();
        if (id.isEmpty()) {
            throw new BusinessException("error.required", "ssoClientId");
        }
        if (id.length() > CLIENT_ID_LENGTH) {
            throw new BusinessException("error.tooLong", "ssoClientId", CLIENT_ID_LENGTH);
        }
        this.clientId = id;
        if (sealedSecret != null) {
            this.sealedSecret = sealedSecret;
        } else if (this.sealedSecret == null) {
            throw new BusinessException("error.required", "ssoClientSecret");
        }
        String c = claim == null ? "" : claim.strip();
        if (!CLAIM.matcher(c).matches()) {
            throw new BusinessException("error.sso.claim");
        }
        this.claim = c;
        if (matchBy == null) {
            throw new BusinessException("error.required", "ssoMatch");
        }
        this.matchBy = matchBy;
        this.enabled = enabled;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /**
     * The issuer as the provider names itself: an absolute https address (http only when allowed) without query
     * or fragment, and without a trailing slash.
     */
    public static String checkIssuer(String issuer, boolean allowHttp) {
        String given = issuer == null ? "" : issuer.strip();
        if (given.isEmpty()) {
            throw new BusinessException("error.required", "ssoIssuer");
        }
        if (given.length() > ISSUER_LENGTH) {
            throw new BusinessException("error.tooLong", "ssoIssuer", ISSUER_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(given);
        } catch (java.net.URISyntaxException e) {
            throw new BusinessException("error.sso.issuer");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean http = "http".equalsIgnoreCase(uri.getScheme());
        if (!(https || (http && allowHttp))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new BusinessException("error.sso.issuer");
        }
        return given.replaceAll("/+$", "");
    }

    public String getFranchiseId() {
        return franchiseId;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    /** The client secret as kept: sealed, never the secret itself. */
    public String getSealedSecret() {
        return sealedSecret;
    }

    public String getClaim() {
        return claim;
    }

    public SsoMatch getMatchBy() {
        return matchBy;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
