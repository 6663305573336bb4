package org.charter.service.webhook;

/** An endpoint just registered: the only moment its secret is shown. */
public record NewWebhook(String id, String secret) implements java.io.Serializable {}
