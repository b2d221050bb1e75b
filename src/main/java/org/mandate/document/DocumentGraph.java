package org.mandate.document;

import java.util.List;

/** The documents reachable from one along links in both directions, and the links between them. */
public record DocumentGraph(long rootId, List<DocumentSummary> nodes, List<Edge> edges) {
    public record Edge(long from, long to, Relation relation) {}
}
