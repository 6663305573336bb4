package org.charter.service.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/**
 * The references customers quote: eight characters shown as two groups of four, from an alphabet without
 * look-alikes (0/O, 1/I/L, U/V), so one can be read out on the phone without spelling it twice; 29⁸ ≈ 5 × 10¹¹ of
 * them, drawn at random. A draw is not looked up first: the franchise's unique index refuses the rare one already
 * taken ({@link ReferenceTaken}), and the case is sent again with a new draw.
 */
@ApplicationScoped
public class References {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

    private static final SecureRandom RANDOM = new SecureRandom();

    public String draw() {
        StringBuilder reference = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
