package io.portus.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.portus.account.User;
import io.portus.activity.internal.ActivityStore;
import io.portus.common.Page;
import io.portus.common.PageQuery;
import io.portus.common.Slice;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.team.Team;
import io.portus.team.TeamService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading activities: admins see all; others their own, those of namespaces they may see and of teams they
 * belong to (Portus's activity policy scope, simplified). CSV as Portus's {@code activities.csv}.
 */
@Service
public class ActivityService {

    private static final String CSV_HEADER = "Tracked item,Item,Event,Recipient,Triggered by,Time,Notes\n";

    private final ActivityStore store;
    private final NamespaceService namespaces;
    private final TeamService teams;

    ActivityService(ActivityStore store, NamespaceService namespaces, TeamService teams) {
        this.store = store;
        this.namespaces = namespaces;
        this.teams = teams;
    }

    /** A page of what {@code actor} may see, newest first, optionally filtered. */
    public Slice<Activity> page(User actor, ActivityFilter filter, int offset, int limit) {
        int o = Slice.safeOffset(offset);
        int l = Slice.safeLimit(limit);
        if (actor.admin()) {
            return Slice.of(store.page(filter, null, List.of(), List.of(), o, l), o, l);
        }
        return Slice.of(store.page(filter, actor.id(), namespaces.list(actor).stream().map(Namespace::id).toList(),
                teams.list(actor).stream().map(Team::id).toList(), o, l), o, l);
    }

    /** Attributes {@link #page(User, PageQuery)} sorts by. */
    public static Set<String> sortAttributes() {
        return ActivityStore.SORTS.attributes();
    }

    /** A page of what {@code actor} may see, read in the database, in the order asked for. */
    public Page<Activity> page(User actor, PageQuery query) {
        if (actor.admin()) {
            return store.page(null, List.of(), List.of(), query);
        }
        return store.page(actor.id(), namespaces.list(actor).stream().map(Namespace::id).toList(),
                teams.list(actor).stream().map(Team::id).toList(), query);
    }

    /**
     * Writes what {@code actor} may see (optionally filtered), newest first, as Portus's CSV (columns: Tracked
     * item, Item, Event, Recipient, Triggered by, Time, Notes), row by row as the database streams them.
     */
    @Transactional(readOnly = true)
    public void writeCsv(User actor, ActivityFilter filter, Writer out) throws IOException {
        out.write(CSV_HEADER);
        Consumer<Activity> row = a -> {
            try {
                out.write(csvLine(a));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        try {
            if (actor.admin()) {
                store.forEach(filter, null, List.of(), List.of(), row);
            } else {
                store.forEach(filter, actor.id(), namespaces.list(actor).stream().map(Namespace::id).toList(),
                        teams.list(actor).stream().map(Team::id).toList(), row);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private static String csvLine(Activity a) {
        String event = a.key().substring(a.key().indexOf('.') + 1);
        return cell(a.trackableType()) + ',' + cell(a.trackableName()) + ',' + cell(event) + ','
                + cell(a.recipientName()) + ','
                + cell(a.ownerName() == null || a.ownerName().isEmpty() ? "anonymous" : a.ownerName()) + ','
                + cell(DateTimeFormatter.ISO_INSTANT.format(a.createdAt())) + ',' + cell(notes(a)) + '\n';
    }

    private static String notes(Activity a) {
        StringBuilder n = new StringBuilder();
        a.parameters().forEach((k, v) -> n.append(n.isEmpty() ? "" : "; ").append(k).append('=').append(v));
        return n.toString();
    }

    /** A CSV cell, quoted; a leading formula character is neutralised (CSV injection). */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
