package org.charter.model.common;

/** The record does not exist for this caller: another tenant's ids end here too, never in "forbidden". */
public class NotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, Object id) {
        super("error.notFound", what, String.valueOf(id));
    }
}
