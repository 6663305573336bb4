package org.charter.service.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.charter.model.common.BusinessException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Seals the secrets Charter must be able to read again (an OpenID client secret, a webhook signing secret) with
 * the operator's key, {@code charter.secrets.key}: 32 random bytes in base64, kept outside the database. AES-256
 * in GCM mode with a fresh 96-bit nonce per seal; the row a secret belongs to is bound in as associated data, so a
 * sealed value copied onto another row does not open. The sealed form names the key by the first bytes of its
 * SHA-256, so a value sealed with another key is told apart from a damaged one.
 *
 * <p>Form: {@code sealed1:<key id, 8 hex>:<base64 of nonce and ciphertext with tag>}.
 */
@ApplicationScoped
public class SecretBox {

    public static final String KEY_PROPERTY = "charter.secrets.key";
    private static final String MARK = "sealed1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile Key key;

    private record Key(SecretKeySpec spec, String id) {}

    /** Whether the operator has set a key: without one nothing can be sealed. */
    public boolean hasKey() {
        return key().isPresent();
    }

    /** Seals {@code secret} for the row named by {@code context}; refuses with a message when no key is set. */
    public String seal(String secret, String context) {
        Key k = key().orElseThrow(() -> new BusinessException("error.secrets.noKey", KEY_PROPERTY));
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, all, 0, nonce.length);
            System.arraycopy(sealed, 0, all, nonce.length, sealed.length);
            return MARK + k.id() + ":" + Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a secret", e);
        }
    }

    /** Whether {@code value} is in the sealed form (and not a secret kept in the clear before sealing began). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(MARK);
    }

    /**
     * Opens what {@link #seal} made for the same {@code context}. Fails, naming the reason but never the secret,
     * when no key is set, the key is another one, or the value was changed or moved to another row.
     */
    public String open(String sealed, String context) {
        if (!isSealed(sealed)) {
            throw new IllegalStateException("Not a sealed secret");
        }
        Key k = key().orElseThrow(() ->
                new IllegalStateException("A sealed secret cannot be read: " + KEY_PROPERTY + " is not set"));
        String rest = sealed.substring(MARK.length());
        int colon = rest.indexOf(':');
        if (colon < 0 || !rest.substring(0, colon).equals(k.id())) {
            throw new IllegalStateException(
                    "A secret was sealed with another key than the " + KEY_PROPERTY + " set now");
        }
        try {
            byte[] all = Base64.getDecoder().decode(rest.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k.spec(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A sealed secret did not open: it was changed or belongs to another row");
        }
    }

    private Optional<Key> key() {
        Key known = key;
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> configured = ConfigProvider.getConfig()
                .getOptionalValue(KEY_PROPERTY, String.class)
                .map(String::strip)
                .filter(s -> !s.isEmpty());
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        key = parse(configured.get());
        return Optional.of(key);
    }

    /** The key from its base64 form; refuses anything but 32 bytes, naming the property. */
    static Key parse(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_PROPERTY + " is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(KEY_PROPERTY + " must be 32 random bytes in base64");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return new Key(new SecretKeySpec(raw, "AES"), HexFormat.of().formatHex(digest, 0, 4));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests: a box with the given key, whatever the configuration says. */
    static SecretBox withKey(String base64) {
        SecretBox box = new SecretBox();
        box.key = parse(base64);
        return box;
    }
}
