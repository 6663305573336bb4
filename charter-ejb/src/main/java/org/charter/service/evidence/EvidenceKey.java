package org.charter.service.evidence;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The secret that signs checkpoints ({@code charter.evidence.key}, environment {@code CHARTER_EVIDENCE_KEY}). It
 * lives outside the database on purpose: whoever can rewrite the tables, the owner role included, cannot make a
 * checkpoint that passes the check without it. The development default is in the application's own defaults and
 * is reported loudly whenever it is in use.
 */
@ApplicationScoped
public class EvidenceKey {

    /** Marks the development default; a key beginning with it is never fit for production. */
    static final String DEVELOPMENT_PREFIX = "development-only";

    private static final Logger LOG = Logger.getLogger(EvidenceKey.class.getName());

    private byte[] key;
    private String id;

    @PostConstruct
    void read() {
        String configured = ConfigProvider.getConfig()
                .getOptionalValue("charter.evidence.key", String.class)
                .map(String::strip)
                .orElse("");
        if (configured.length() < 16) {
            throw new IllegalStateException(
                    "charter.evidence.key (CHARTER_EVIDENCE_KEY) must be set to a secret of at least 16 characters");
        }
        if (configured.startsWith(DEVELOPMENT_PREFIX)) {
            LOG.warning("*** charter.evidence.key is the DEVELOPMENT DEFAULT: evidence checkpoints are signed with a"
                    + " key anyone can read in the build. Set CHARTER_EVIDENCE_KEY to a secret of your own before"
                    + " production use (docs/operations.md). ***");
        }
        key = configured.getBytes(StandardCharsets.UTF_8);
        // names the key in each checkpoint without telling anything about it: a MAC of a fixed text
        id = CanonicalRecord.hmac(key, "charter evidence key".getBytes(StandardCharsets.US_ASCII))
                .substring(0, 16);
    }

    byte[] key() {
        return key.clone();
    }

    /** A short name of the key, stored with each checkpoint, so a check with another key says so. */
    String id() {
        return id;
    }

    boolean isDevelopmentDefault() {
        return new String(key, StandardCharsets.UTF_8).startsWith(DEVELOPMENT_PREFIX);
    }
}
