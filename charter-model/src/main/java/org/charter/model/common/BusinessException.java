package org.charter.model.common;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * An expected failure the user can act on. Carries a message-bundle key and its arguments rather than a
 * finished sentence, so the web layer can say it in the user's language. Rolls the transaction back.
 */
@ApplicationException(rollback = true, inherited = true)
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final List<Object> arguments;

    public BusinessException(String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArguments() {
        return arguments.toArray();
    }
}
