package org.charter.model.common;

/** The caller is signed in but their role does not allow the operation. */
public class AccessDeniedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException() {
        super("error.accessDenied");
    }
}
