package org.charter.web.shell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.List;

/**
 * {@code #{pageMessages.of('error')}}: the texts of the messages queued for this response, of one kind (error,
 * warn or info), for the layout's message lists (a list of items, errors announced at once).
 */
@Named
@ApplicationScoped
public class PageMessages {

    public List<String> of(String kind) {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context == null) {
            return List.of();
        }
        return context.getMessageList().stream()
                .filter(message -> kind(message.getSeverity()).equals(kind))
                .map(FacesMessage::getSummary)
                .toList();
    }

    private static String kind(FacesMessage.Severity severity) {
        if (severity == null || severity.getOrdinal() <= FacesMessage.SEVERITY_INFO.getOrdinal()) {
            return "info";
        }
        return severity.getOrdinal() == FacesMessage.SEVERITY_WARN.getOrdinal() ? "warn" : "error";
    }
}
