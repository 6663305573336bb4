package org.charter.service.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalRecordTest {

    @Test
    void fieldsAreLengthPrefixedAndNullHasItsOwnMark() {
        assertEquals(
                "1:a-0:4:ü|x",
                new String(
                        CanonicalRecord.of("a")
                                .add((String) null)
                                .add("")
                                .add("ü|x")
                                .bytes(),
                        StandardCharsets.UTF_8));
    }

    @Test
    void recordsThatJoinedWithASeparatorLookAlikeHashApart() {
        // joined with '|' and NULLs left out, all three are "a|b|c"
        assertEquals(CanonicalRecord.legacyAuditHash("a|b", "c"), CanonicalRecord.legacyAuditHash("a", "b|c"));
        assertEquals(CanonicalRecord.legacyAuditHash("a", null, "b|c"), CanonicalRecord.legacyAuditHash("a", "b|c"));
        assertNotEquals(
                CanonicalRecord.of("t").add("a|b").add("c").sha256(),
                CanonicalRecord.of("t").add("a").add("b|c").sha256());
        assertNotEquals(
                CanonicalRecord.of("t").add("a").add((String) null).add("b").sha256(),
                CanonicalRecord.of("t").add("a").add("b").sha256());
        assertNotEquals(
                CanonicalRecord.of("t").add((String) null).sha256(),
                CanonicalRecord.of("t").add("-").sha256());
        assertNotEquals(
                CanonicalRecord.of("t").add("").sha256(),
                CanonicalRecord.of("t").add((String) null).sha256());
    }

    @Test
    void theLegacySchemeIsPostgresConcatWs() {
        // concat_ws('|', '', 'a', NULL, 'b') = '|a|b'
        assertEquals(
                CanonicalRecord.sha256("|a|b".getBytes(StandardCharsets.UTF_8)),
                CanonicalRecord.legacyAuditHash("", "a", null, "b"));
    }

    @Test
    void theHmacNeedsTheKey() {
        CanonicalRecord record = CanonicalRecord.of("evidence_checkpoint/1").add(1);
        assertEquals(64, record.hmac("k1".getBytes(StandardCharsets.UTF_8)).length());
        assertNotEquals(
                record.hmac("k1".getBytes(StandardCharsets.UTF_8)), record.hmac("k2".getBytes(StandardCharsets.UTF_8)));
        // RFC 4231, test case 2
        assertEquals(
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                CanonicalRecord.hmac(
                        "Jefe".getBytes(StandardCharsets.US_ASCII),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }
}
