package io.portus.team;

import java.util.List;

/**
 * The namespaces a team owns, as the team module needs them to refuse deleting a team that still owns some
 * (implemented by the namespace module, which owns namespaces and depends on teams).
 */
public interface TeamNamespaces {

    /** Names of the namespaces owned by the team, in any registry. */
    List<String> namesOf(long teamId);
}
