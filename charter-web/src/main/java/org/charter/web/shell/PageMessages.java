package org.charter.web.shell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code #{pageMessages.of('error')}}: the messages queued for this response, of one kind (error, warn or info),
 * for the layout's message lists (a list of items, errors announced at once). A message about one field carries
 * the id its list item gets, which {@link FieldErrors} names in that field's {@code aria-describedby}.
 */
@Named
@ApplicationScoped
public class PageMessages {

    /** One message: its text, and the id of its list item (null for a message about the page as a whole). */
    public record Line(String text, String id) {}

    public List<Line> of(String kind) {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context == null) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        for (Iterator<String> ids = context.getClientIdsWithMessages(); ids.hasNext(); ) {
            String clientId = ids.next();
            // a field's first message holds the id its aria-describedby names; ids stay unique on the page
            String id = clientId == null ? null : idFor(clientId);
            for (Iterator<FacesMessage> messages = context.getMessages(clientId); messages.hasNext(); ) {
                FacesMessage message = messages.next();
                if (kind(message.getSeverity()).equals(kind)) {
                    lines.add(new Line(message.getSummary(), id));
                    id = null;
                }
            }
        }
        return lines;
    }

    /** The id of the list item that holds the messages about the field {@code clientId}. */
    static String idFor(String clientId) {
        return "message-" + clientId.replace(':', '-');
    }

    private static String kind(FacesMessage.Severity severity) {
        if (severity == null || severity.getOrdinal() <= FacesMessage.SEVERITY_INFO.getOrdinal()) {
            return "info";
        }
        return severity.getOrdinal() == FacesMessage.SEVERITY_WARN.getOrdinal() ? "warn" : "error";
    }
}
