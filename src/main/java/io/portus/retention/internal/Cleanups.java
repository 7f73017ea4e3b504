package io.portus.retention.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.catalog.CatalogService;
import io.portus.catalog.RepositoryView;
import io.portus.retention.RetentionRule;
import io.portus.retention.TagDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The cleanups repository by repository: Portus's expiry over every repository of every registry, a namespace's
 * retention rules over its repositories. A repository that fails is logged and reported, and the others go on.
 */
@Component
public class Cleanups {

    private static final Logger log = LoggerFactory.getLogger(Cleanups.class);

    private final CatalogService catalog;
    private final UserService users;
    private final TagCleaner cleaner;
    private final Clock clock;

    Cleanups(CatalogService catalog, UserService users, TagCleaner cleaner, ObjectProvider<Clock> clock) {
        this.catalog = catalog;
        this.users = users;
        this.cleaner = cleaner;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Portus's expiry on every repository while {@code goOn} says so; the tags deleted. */
    public List<TagDecision> expire(int olderThanDays, int keepLatest, String tag, BooleanSupplier goOn) {
        var settings = new Selection.Expiry(olderThanDays, keepLatest, tag == null || tag.isEmpty() ? null : Pattern.compile(tag));
        List<TagDecision> deleted = new ArrayList<>();
        for (RepositoryView repo : catalog.repositories(portus())) {
            if (repo.tagCount() <= keepLatest) {
                continue;
            }
            if (!goOn.getAsBoolean()) {
                break;
            }
            try {
                cleaner.apply(Selection.expiry(catalog.tagsOf(repo.id()), settings, clock.instant()), false).stream()
                        .filter(TagDecision::delete).forEach(deleted::add);
            } catch (RuntimeException e) {
                log.warn("tag expiry of {} failed: {}", repo.fullName(), e.toString());
            }
        }
        return deleted;
    }

    /** The namespace's rules on each of its repositories; every tag's decision. */
    public List<TagDecision> retain(long namespaceId, List<RetentionRule> rules, boolean dryRun) {
        List<TagDecision> out = new ArrayList<>();
        for (RepositoryView repo : catalog.repositoriesOf(portus(), namespaceId)) {
            try {
                out.addAll(cleaner.apply(Selection.retention(catalog.tagsOf(repo.id()), rules, clock.instant()), dryRun));
            } catch (RuntimeException e) {
                log.warn("retention of {} failed: {}", repo.fullName(), e.toString());
                out.add(new TagDecision(repo.fullName(), "", "", false, "the repository could not be cleaned: " + e.getMessage()));
            }
        }
        return out;
    }

    /** Now, by the clock the cleanups use. */
    public java.time.Instant now() {
        return clock.instant();
    }

    private User portus() {
        return users.findByUsername(User.PORTUS).orElseThrow();
    }
}
