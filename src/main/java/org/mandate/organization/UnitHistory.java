package org.mandate.organization;

import java.util.List;

/** Everything recorded about one unit: its versions oldest first, where it came from and went. */
public record UnitHistory(
        long id,
        Hierarchy hierarchy,
        List<UnitVersion> versions,
        List<SuccessionLink> predecessors,
        List<SuccessionLink> successors,
        List<RegistryEvent> events) {

    public UnitVersion latest() {
        return versions.getLast();
    }
}
