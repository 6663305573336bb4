package org.charter.service.api;

import org.charter.model.common.BusinessException;

/** The client's entity tag is not the record's: someone changed it since the client read it. Nothing is written. */
public class VersionMismatch extends BusinessException {

    private static final long serialVersionUID = 1L;

    public VersionMismatch() {
        super("error.api.versionMismatch");
    }
}
