package org.mandate.organization.web;

import java.util.List;
import org.mandate.organization.RegistryEvent;
import org.mandate.organization.SuccessionLink;
import org.mandate.organization.UnitHistory;
import org.mandate.organization.UnitVersion;

/** A unit's whole history as the API shows it. */
record HistoryJson(
        long id,
        String hierarchy,
        List<UnitVersion> versions,
        List<SuccessionLink> predecessors,
        List<SuccessionLink> successors,
        List<RegistryEvent> events) {

    static HistoryJson of(UnitHistory h) {
        return new HistoryJson(
                h.id(), h.hierarchy().code(), h.versions(), h.predecessors(), h.successors(), h.events());
    }
}
