package io.portus.web.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.portus.account.User;
import io.portus.common.InvalidInputException;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.retention.RetentionPolicy;
import io.portus.retention.RetentionRule;
import io.portus.retention.RetentionService;
import io.portus.retention.RuleKind;
import io.portus.retention.TagDecision;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.Flash;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * {@code /namespaces/{ns}/retention}: whoever sees the namespace sees its rules; the retention service checks
 * every change, dry run and run (admins and owners who may update the namespace).
 */
@Controller
class RetentionPages {

    private static final int MAX_ROWS = 50;

    private final RetentionService retention;
    private final NamespaceService namespaces;

    RetentionPages(RetentionService retention, NamespaceService namespaces) {
        this.retention = retention;
        this.namespaces = namespaces;
    }

    @GetMapping("/namespaces/{ns}/retention")
    String show(@CurrentUserArgument User user, @PathVariable long ns, Model model) {
        return page(user, ns, model, null, null, false);
    }

    @PostMapping("/namespaces/{ns}/retention")
    String save(@CurrentUserArgument User user, @PathVariable long ns, @RequestParam(defaultValue = "false") boolean enabled,
                @RequestParam(defaultValue = "") String intervalHours,
                @RequestParam(name = "pattern", required = false) List<String> patterns,
                @RequestParam(name = "kind", required = false) List<String> kinds,
                @RequestParam(name = "value", required = false) List<String> values, RedirectAttributes redirect) {
        retention.save(user, ns, new RetentionService.Change(enabled, number("interval", intervalHours),
                rules(patterns, kinds, values)));
        Flash.notice(redirect, "Retention rules saved.");
        return "redirect:/namespaces/" + ns + "/retention";
    }

    /** The result pages are POST answers: a reload or a form refused there comes back to the rules. */
    @GetMapping({"/namespaces/{ns}/retention/dry_run", "/namespaces/{ns}/retention/run"})
    String backToRules(@PathVariable long ns, HttpServletRequest request, RedirectAttributes redirect) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        if (flash != null) {
            flash.forEach(redirect::addFlashAttribute);
        }
        return "redirect:/namespaces/" + ns + "/retention";
    }

    @PostMapping("/namespaces/{ns}/retention/dry_run")
    String dryRun(@CurrentUserArgument User user, @PathVariable long ns, Model model) {
        return page(user, ns, model, retention.dryRun(user, ns), "Dry run: nothing was deleted.", false);
    }

    @PostMapping("/namespaces/{ns}/retention/run")
    String run(@CurrentUserArgument User user, @PathVariable long ns, Model model) {
        List<TagDecision> decisions = retention.run(user, ns);
        long deleted = decisions.stream().filter(TagDecision::delete).count();
        String title = "Run finished: " + deleted + (deleted == 1 ? " tag" : " tags") + " deleted.";
        return page(user, ns, model, decisions, title, true);
    }

    private String page(User user, long ns, Model model, List<TagDecision> results, String resultTitle, boolean ran) {
        Namespace namespace = namespaces.show(user, ns);
        RetentionPolicy policy = retention.get(user, ns);
        List<RetentionRule> rows = new ArrayList<>(policy.rules());
        rows.add(new RetentionRule("", RuleKind.LATEST_PUSHED, 0));
        rows.add(new RetentionRule("", RuleKind.LATEST_PUSHED, 0));
        model.addAttribute("ns", namespace);
        model.addAttribute("policy", policy);
        model.addAttribute("rows", rows);
        model.addAttribute("ruleCount", policy.rules().size());
        model.addAttribute("manage", retention.mayManage(user, namespace));
        model.addAttribute("results", results);
        model.addAttribute("resultTitle", resultTitle);
        model.addAttribute("ran", ran);
        return "retention/show";
    }

    /** The form's rows; a row without a kind is an empty row and skipped. */
    private static List<RetentionRule> rules(List<String> patterns, List<String> kinds, List<String> values) {
        List<RetentionRule> rules = new ArrayList<>();
        int rows = kinds == null ? 0 : Math.min(kinds.size(), MAX_ROWS);
        for (int i = 0; i < rows; i++) {
            String kindName = kinds.get(i) == null ? "" : kinds.get(i).trim();
            if (kindName.isEmpty()) {
                continue;
            }
            RuleKind kind = RuleKind.parse(kindName).orElseThrow(() -> InvalidInputException.of("kind", "is not a rule kind"));
            String pattern = patterns != null && i < patterns.size() && patterns.get(i) != null ? patterns.get(i).trim() : "";
            String value = values != null && i < values.size() ? values.get(i) : "";
            Integer amount = number("value of rule " + (rules.size() + 1), value);
            rules.add(new RetentionRule(pattern, kind, kind.needsAmount() && amount != null ? amount : 0));
        }
        return rules;
    }

    private static Integer number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "must be a number");
        }
    }
}
