package org.charter.web.it;

/** What a failure says, all the way down its causes: database errors arrive wrapped several times. */
final class Failures {

    private Failures() {}

    static String causes(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
