package org.charter.service.rollout;

import java.io.Serializable;
import org.charter.model.rollout.Acknowledgement;

/** What a signature receipt shows: whose, in which franchise, on which version, and the signature itself. */
public record Receipt(
        String franchiseName, String fullName, String employeeNumber, int versionNumber, Acknowledgement signature)
        implements Serializable {}
