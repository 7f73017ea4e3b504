package io.portus.retention.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.catalog.CatalogDeletes;
import io.portus.catalog.CatalogService;
import io.portus.common.ConflictException;
import io.portus.common.DomainException;
import io.portus.retention.TagDecision;
import io.portus.retention.internal.Selection.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out the verdicts of one repository: one delete per digest through {@link CatalogDeletes} as the hidden
 * {@code portus} user (the UI's and API's path: registry first, then the catalog, activities). A digest is
 * deleted with {@code force} only when the tags sharing it are exactly those chosen to go; a tag pushed again
 * since the selection, a refusal (immutable tags, a registry saying no) or an error keeps the tags, with the
 * reason, and the next digest is tried.
 */
@Component
public class TagCleaner {

    private static final Logger log = LoggerFactory.getLogger(TagCleaner.class);

    private final CatalogDeletes deletes;
    private final CatalogService catalog;
    private final UserService users;

    TagCleaner(CatalogDeletes deletes, CatalogService catalog, UserService users) {
        this.deletes = deletes;
        this.catalog = catalog;
        this.users = users;
    }

    /** The decisions; with {@code dryRun} nothing is deleted and the decisions say what would go. */
    public List<TagDecision> apply(List<Verdict> verdicts, boolean dryRun) {
        List<TagDecision> out = new ArrayList<>();
        Map<String, List<Verdict>> byDigest = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            if (v.delete() && !dryRun) {
                byDigest.computeIfAbsent(v.tag().digest(), d -> new ArrayList<>()).add(v);
            } else {
                out.add(decision(v, v.delete(), v.reason()));
            }
        }
        if (byDigest.isEmpty()) {
            return out;
        }
        User portus = users.findByUsername(User.PORTUS).orElseThrow();
        byDigest.forEach((digest, group) -> {
            String refusal = delete(portus, digest, group);
            group.forEach(v -> out.add(refusal == null ? decision(v, true, v.reason()) : decision(v, false, refusal)));
        });
        return out;
    }

    /** Null when deleted, else why the tags stay. */
    private String delete(User portus, String digest, List<Verdict> group) {
        long id = group.getFirst().tag().id();
        Set<String> names = group.stream().map(v -> v.tag().name()).collect(Collectors.toSet());
        try {
            if (!digest.equals(catalog.tag(portus, id).digest())) {
                return "pushed again since it was chosen: kept until the next run";
            }
            try {
                deletes.deleteTag(portus, id, false);
            } catch (ConflictException sharing) {
                if (!names.containsAll(sharing.details())) {
                    return "another tag now shares its digest: kept until the next run";
                }
                deletes.deleteTag(portus, id, true);
            }
            return null;
        } catch (DomainException e) {
            return "the delete was refused: " + e.getMessage();
        } catch (RuntimeException e) {
            log.warn("deleting {}@{} failed: {}", group.getFirst().tag().repository(), digest, e.toString());
            return "the delete failed: " + e.getMessage();
        }
    }

    private static TagDecision decision(Verdict v, boolean delete, String reason) {
        return new TagDecision(v.tag().repository(), v.tag().name(), v.tag().digest(), delete, reason);
    }
}
