package org.charter.web.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PublicSideTest {

    @Test
    void theBaseUrlMustBeAnAbsoluteWebAddress() {
        assertEquals("https://charter.example.com", PublicSide.baseUrl("https://charter.example.com/"));
        assertEquals("http://localhost:8080", PublicSide.baseUrl(" http://localhost:8080 "));
        assertEquals("https://example.com/charter", PublicSide.baseUrl("https://example.com/charter//"));
        for (String bad : new String[] {
            "",
            "charter.example.com",
            "ftp://charter.example.com",
            "https://charter.example.com/?x=1",
            "https://user@charter.example.com",
            "javascript:alert(1)",
            "http://"
        }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> PublicSide.baseUrl(bad), bad);
            assertTrue(e.getMessage().contains(PublicSide.BASE_URL_KEY), e.getMessage());
        }
    }

    @Test
    void eachAddressGetsItsOwnBudgetOfPrintsAMinute() {
        PublicSide side = new PublicSide();
        side.configure("https://charter.example.com", 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(OptionalLong.empty(), side.printRefused("203.0.113.7"), "print " + (i + 1));
        }
        OptionalLong wait = side.printRefused("203.0.113.7");
        assertTrue(wait.isPresent(), "the fourth within a minute is refused");
        assertTrue(wait.getAsLong() >= 1 && wait.getAsLong() <= 21, "seconds to wait: " + wait.getAsLong());
        assertEquals(OptionalLong.empty(), side.printRefused("203.0.113.8"), "another address is not affected");
        assertEquals(2, side.addressCount());
    }

    @Test
    void anIpv6SubscriberIsOneAddress() {
        assertEquals(
                PublicSide.addressKey("2001:db8:1:2:aaaa::1"),
                PublicSide.addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"));
        assertTrue(!PublicSide.addressKey("2001:db8:1:2::1").equals(PublicSide.addressKey("2001:db8:1:3::1")));
        assertEquals("198.51.100.4", PublicSide.addressKey("198.51.100.4"));
    }

    @Test
    void theRateLimitSettingMustAllowSomething() {
        assertThrows(IllegalArgumentException.class, () -> new PublicSide().configure("http://localhost:8080", 0));
    }
}
