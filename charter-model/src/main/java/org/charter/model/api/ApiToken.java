package org.charter.model.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Set;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;

/**
 * A token another system of the franchise calls the API with. Like an account it is a credential, looked up by
 * its hash before any tenant is known, so it belongs to the platform's registry and names its franchise; only the
 * SHA-256 of the token is kept, and the token itself is shown once, when it is made.
 */
@Entity
@Table(name = "api_token")
public class ApiToken implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int NAME_LENGTH = 80;

    /** The longest a token may live; a franchise makes a new one and revokes the old. */
    public static final int MAX_DAYS = 730;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "franchise_id", nullable = false, length = 36)
    private String franchiseId;

    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    @Column(nullable = false, length = 64)
    private String scopes;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 16)
    private String prefix;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    protected ApiToken() {}

    /**
     * A new token of {@code franchiseId}, valid {@code days} days from {@code now}; {@code tokenHash} and
     * {@code prefix} come from the token the caller shows once.
     */
    public ApiToken(
            String franchiseId,
            String name,
            Set<ApiScope> scopes,
            int days,
            String tokenHash,
            String prefix,
            String createdBy,
            OffsetDateTime now) {
        String tidy = name == null ? "" : name.strip();
        if (tidy.isEmpty()) {
            throw new BusinessException("error.required", "tokenName");
        }
        if (tidy.length() > NAME_LENGTH) {
            throw new BusinessException("error.tooLong", "tokenName", NAME_LENGTH);
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new BusinessException("error.token.noScope");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new BusinessException("error.token.days", MAX_DAYS);
        }
        this.id = Ids.newId();
        this.franchiseId = franchiseId;
        this.name = tidy;
        this.scopes = ApiScope.join(scopes);
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.expiresAt = now.plusDays(days);
    }

    /** Refused from now on; revoking twice keeps the first time. */
    public void revoke(String by, OffsetDateTime now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    public boolean isUsableAt(OffsetDateTime now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public String getId() {
        return id;
    }

    public String getFranchiseId() {
        return franchiseId;
    }

    public String getName() {
        return name;
    }

    public Set<ApiScope> getScopes() {
        return ApiScope.split(scopes);
    }

    public String getPrefix() {
        return prefix;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public OffsetDateTime getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public OffsetDateTime getLastUsedAt() {
        return lastUsedAt;
    }
}
