package org.mandate.document;

/** An attached file as it was given. */
public record FileContent(String name, String contentType, byte[] bytes) {}
