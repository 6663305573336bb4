package org.charter.web.feedback;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * When a form was handed out, signed so it cannot be moved: {@code <millis>.<mac>}. A form sent back sooner than
 * the minimum fill time came from a machine; one older than a day is stale. The key is
 * {@code charter.feedback.form-key}: every instance of a cluster must share it.
 */
final class FormToken {

    enum Check {
        FINE,
        TOO_FAST,
        EXPIRED,
        FORGED
    }

    static final long MAX_AGE_MILLIS = 24L * 3600 * 1000;

    private final byte[] key;
    private final long minimumMillis;

    FormToken(String key, long minimumMillis) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.minimumMillis = minimumMillis;
    }

    String issue(String where, long nowMillis) {
        return nowMillis + "." + mac(where + '|' + nowMillis);
    }

    Check check(String token, String where, long nowMillis) {
        if (token == null || token.length() > 80 || token.indexOf('.') < 1) {
            return Check.FORGED;
        }
        String[] parts = token.split("\\.", 2);
        long issued;
        try {
            issued = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return Check.FORGED;
        }
        if (!MessageDigest.isEqual(
                mac(where + '|' + issued).getBytes(StandardCharsets.US_ASCII),
                parts[1].getBytes(StandardCharsets.US_ASCII))) {
            return Check.FORGED;
        }
        long age = nowMillis - issued;
        if (age > MAX_AGE_MILLIS || age < -60_000) {
            return Check.EXPIRED;
        }
        return age < minimumMillis ? Check.TOO_FAST : Check.FINE;
    }

    private String mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sum = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum).substring(0, 22);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
