package org.charter.model.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.charter.model.common.TenantOwned;

/**
 * An employee's signature under one charter version: who, which version, which language, the SHA-256 of exactly
 * the content shown, the statement, the typed name, the database's time, how they signed in, from where.
 * Written once by the database (see V3__rollout.sql); read-only here.
 */
@Entity
@Table(name = "acknowledgement")
public class Acknowledgement extends TenantOwned {

    private static final long serialVersionUID = 1L;

    @Column(name = "person_id", nullable = false, insertable = false, updatable = false)
    private String personId;

    @Column(name = "version_id", nullable = false, insertable = false, updatable = false)
    private String versionId;

    @Column(insertable = false, updatable = false)
    private String locale;

    @Column(name = "content_sha256", insertable = false, updatable = false)
    private String contentSha256;

    @Column(insertable = false, updatable = false)
    private String statement;

    @Column(name = "typed_name", insertable = false, updatable = false)
    private String typedName;

    @Column(name = "signed_at", insertable = false, updatable = false)
    private OffsetDateTime signedAt;

    @Column(name = "client_address", insertable = false, updatable = false)
    private String clientAddress;

    @Column(name = "user_agent", insertable = false, updatable = false)
    private String userAgent;

    @Column(name = "auth_method", insertable = false, updatable = false)
    private String authMethod;

    @Column(name = "session_id", insertable = false, updatable = false)
    private String sessionId;

    protected Acknowledgement() {}

    /** The training session it was signed in, on the manager's device; null when signed on one's own. */
    public String getSessionId() {
        return sessionId;
    }

    public String getPersonId() {
        return personId;
    }

    public String getVersionId() {
        return versionId;
    }

    public String getLocale() {
        return locale;
    }

    public String getContentSha256() {
        return contentSha256;
    }

    public String getStatement() {
        return statement;
    }

    public String getTypedName() {
        return typedName;
    }

    public OffsetDateTime getSignedAt() {
        return signedAt;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getAuthMethod() {
        return authMethod;
    }
}
