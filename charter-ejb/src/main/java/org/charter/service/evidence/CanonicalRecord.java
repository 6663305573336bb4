package org.charter.service.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One record as the bytes its hash is made of: a tag naming the kind of record and its scheme, then each field as
 * {@code <byte length>:<UTF-8 bytes>}, a NULL as {@code -}. A length never starts with {@code -}, so the bytes read
 * back into exactly one list of fields, and two different records never encode alike (unlike fields joined with a
 * separator that may itself occur in a field, or with NULLs left out). The database's {@code evidence_record}
 * function (V7__evidence.sql) writes the same bytes; the checks use this class, never the database's function.
 */
public final class CanonicalRecord {

    /** The hash before the first record of a chain. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

    private CanonicalRecord() {}

    /** A record whose first field is {@code tag}, e.g. {@code acknowledgement/1}. */
    public static CanonicalRecord of(String tag) {
        return new CanonicalRecord().add(tag);
    }

    public CanonicalRecord add(String value) {
        if (value == null) {
            bytes.write('-');
        } else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            bytes.writeBytes(Integer.toString(utf8.length).getBytes(StandardCharsets.US_ASCII));
            bytes.write(':');
            bytes.writeBytes(utf8);
        }
        return this;
    }

    public CanonicalRecord add(long value) {
        return add(Long.toString(value));
    }

    public byte[] bytes() {
        return bytes.toByteArray();
    }

    /** The SHA-256 of the encoded record, in lower-case hex. */
    public String sha256() {
        return sha256(bytes());
    }

    /** The HMAC-SHA256 of the encoded record under {@code key}, in lower-case hex. */
    public String hmac(byte[] key) {
        return hmac(key, bytes());
    }

    static String sha256(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /**
     * The audit trail's first scheme, kept only to check rows written before V7: the fields joined with
     * {@code |}, NULLs left out (PostgreSQL's {@code concat_ws}).
     */
    public static String legacyAuditHash(String... fields) {
        StringBuilder joined = new StringBuilder();
        boolean first = true;
        for (String field : fields) {
            if (field != null) {
                if (!first) {
                    joined.append('|');
                }
                joined.append(field);
                first = false;
            }
        }
        return sha256(joined.toString().getBytes(StandardCharsets.UTF_8));
    }
}
