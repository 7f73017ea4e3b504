package io.portus.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.portus.account.User;
import io.portus.common.InvalidInputException;
import io.portus.retention.RetentionPolicy;
import io.portus.retention.RetentionRule;
import io.portus.retention.RetentionService;
import io.portus.retention.RuleKind;
import io.portus.retention.TagDecision;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/namespaces/:id/retention} (beyond Portus): the namespace's retention rules. {@code GET} for whoever
 * sees the namespace; {@code PUT} ({@code {"retention": {"enabled", "interval_hours", "rules": [{"pattern",
 * "kind", "value"}]}}}), {@code POST dry_run} and {@code POST run} for admins and owners who may update it. Dry
 * run and run answer every tag: {@code {repository, tag, digest, delete, reason}}.
 */
@RestController
@RequestMapping("/api/v1/namespaces/{id}/retention")
class RetentionApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RuleJson(String pattern, String kind, Integer value) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PolicyJson(long namespaceId, boolean enabled, Integer intervalHours, Instant lastRunAt, List<RuleJson> rules) {

        static PolicyJson of(RetentionPolicy p) {
            return new PolicyJson(p.namespaceId(), p.enabled(), p.intervalHours(), p.lastRunAt(), p.rules().stream()
                    .map(r -> new RuleJson(r.pattern(), r.kind().apiName(), r.amount())).toList());
        }
    }

    private static final TypeReference<List<RuleJson>> RULES = new TypeReference<>() {
    };

    private final RetentionService retention;
    private final JsonMapper json;

    RetentionApi(RetentionService retention, JsonMapper json) {
        this.retention = retention;
        this.json = json;
    }

    @GetMapping
    PolicyJson show(@ApiActor User actor, @PathVariable long id) {
        return PolicyJson.of(retention.get(actor, id));
    }

    @PutMapping
    @ApiFields({"retention[enabled]:boolean",
            "retention[interval_hours]:integer hours between runs (empty = the default interval)",
            "retention[rules]:array [{pattern, kind, value}]"})
    PolicyJson update(@ApiActor User actor, @PathVariable long id, ApiParams params) {
        String prefix = params.nested("retention") ? "retention[" : "";
        String suffix = prefix.isEmpty() ? "" : "]";
        RetentionPolicy current = retention.get(actor, id);
        Boolean enabled = params.bool(prefix + "enabled" + suffix);
        Long hours = params.number(prefix + "interval_hours" + suffix);
        String rules = params.string(prefix + "rules" + suffix);
        if (params.nested(prefix + "rules" + suffix)) {
            throw InvalidInputException.of("rules", "must be a list of rules, not a single object");
        }
        if (hours != null && (hours < 1 || hours > RetentionPolicy.MAX_INTERVAL_HOURS)) {
            throw InvalidInputException.of("interval_hours", "must be between 1 and " + RetentionPolicy.MAX_INTERVAL_HOURS);
        }
        var change = new RetentionService.Change(enabled == null ? current.enabled() : enabled,
                hours == null ? null : hours.intValue(), rules == null ? current.rules() : rules(rules));
        return PolicyJson.of(retention.save(actor, id, change));
    }

    @PostMapping("/dry_run")
    List<TagDecision> dryRun(@ApiActor User actor, @PathVariable long id) {
        return retention.dryRun(actor, id);
    }

    @PostMapping("/run")
    List<TagDecision> run(@ApiActor User actor, @PathVariable long id) {
        return retention.run(actor, id);
    }

    private List<RetentionRule> rules(String text) {
        List<RuleJson> parsed;
        try {
            parsed = text.isBlank() ? List.of() : json.readValue(text, RULES);
        } catch (JacksonException e) {
            throw InvalidInputException.of("rules", "must be a list of {\"pattern\": regex, \"kind\": "
                    + "latest_pushed|pulled_within_days|pushed_within_days|always, \"value\": N}");
        }
        return parsed.stream().map(r -> {
            if (r == null || r.kind() == null) {
                throw InvalidInputException.of("rules", "every rule needs a kind");
            }
            RuleKind kind = RuleKind.parse(r.kind()).orElseThrow(() -> InvalidInputException.of("rules",
                    "'" + r.kind() + "' is not a kind (latest_pushed, pulled_within_days, pushed_within_days, always)"));
            int value = kind.needsAmount() ? (r.value() == null ? 0 : r.value()) : 0;
            return new RetentionRule(r.pattern() == null ? "" : r.pattern(), kind, value);
        }).toList();
    }
}
