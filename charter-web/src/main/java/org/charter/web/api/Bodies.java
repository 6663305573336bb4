package org.charter.web.api;

import org.charter.model.common.BusinessException;

/** Request bodies: a write without one is refused before any service is called. */
final class Bodies {

    private Bodies() {}

    static <T> T required(T body) {
        if (body == null) {
            throw new BusinessException("api.error.noBody");
        }
        return body;
    }
}
