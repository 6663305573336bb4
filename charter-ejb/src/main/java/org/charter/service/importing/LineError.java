package org.charter.service.importing;

import java.io.Serializable;
import java.util.List;

/** What is wrong with one line, as a message key and its arguments, said in the reader's language by the page. */
public record LineError(int line, String key, String messageKey, List<String> arguments) implements Serializable {}
