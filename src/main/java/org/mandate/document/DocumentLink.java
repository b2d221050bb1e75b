package org.mandate.document;

/** One edge of the graph: {@code from}'s text refers to {@code to}. */
public record DocumentLink(DocumentSummary from, DocumentSummary to, Relation relation, boolean inferred) {}
