package io.portus.activity;

import java.time.format.DateTimeFormatter;
import java.util.List;

import io.portus.account.User;
import io.portus.activity.internal.ActivityStore;
import io.portus.common.Slice;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.team.Team;
import io.portus.team.TeamService;
import org.springframework.stereotype.Service;

/**
 * Reading activities: admins see all; others their own, those of namespaces they may see and of teams they
 * belong to (Portus's activity policy scope, simplified). CSV as Portus's {@code activities.csv}.
 */
@Service
public class ActivityService {

    private final ActivityStore store;
    private final NamespaceService namespaces;
    private final TeamService teams;

    ActivityService(ActivityStore store, NamespaceService namespaces, TeamService teams) {
        this.store = store;
        this.namespaces = namespaces;
        this.teams = teams;
    }

    /** Newest first. */
    public List<Activity> visibleTo(User actor) {
        if (actor.admin()) {
            return store.all();
        }
        return store.visible(actor.id(), namespaces.list(actor).stream().map(Namespace::id).toList(),
                teams.list(actor).stream().map(Team::id).toList());
    }

    /** A page of {@link #visibleTo}, newest first, optionally filtered. */
    public Slice<Activity> page(User actor, ActivityFilter filter, int offset, int limit) {
        int o = Slice.safeOffset(offset);
        int l = Slice.safeLimit(limit);
        if (actor.admin()) {
            return Slice.of(store.page(filter, null, List.of(), List.of(), o, l), o, l);
        }
        return Slice.of(store.page(filter, actor.id(), namespaces.list(actor).stream().map(Namespace::id).toList(),
                teams.list(actor).stream().map(Team::id).toList(), o, l), o, l);
    }

    /** Portus's columns: Tracked item, Item, Event, Recipient, Triggered by, Time, Notes. */
    public String csv(List<Activity> activities) {
        StringBuilder out = new StringBuilder("Tracked item,Item,Event,Recipient,Triggered by,Time,Notes\n");
        for (Activity a : activities) {
            String event = a.key().substring(a.key().indexOf('.') + 1);
            out.append(cell(a.trackableType())).append(',').append(cell(a.trackableName())).append(',')
                    .append(cell(event)).append(',').append(cell(a.recipientName())).append(',')
                    .append(cell(a.ownerName() == null || a.ownerName().isEmpty() ? "anonymous" : a.ownerName()))
                    .append(',').append(cell(DateTimeFormatter.ISO_INSTANT.format(a.createdAt()))).append(',')
                    .append(cell(notes(a))).append('\n');
        }
        return out.toString();
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
