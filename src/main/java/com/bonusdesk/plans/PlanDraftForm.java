package com.bonusdesk.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

import com.bonusdesk.workflow.Chain;

/** The draft editor: the window's start, the approval chain and budget, and the plan's parameters as text. */
@Getter
@Setter
public class PlanDraftForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validFrom;

    /** The window's last day; none for a version in force until a later one replaces it. */
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validTo;

    /** The approval chain's rows, in order; null when the request carries none (the chain stays as it is). */
    private List<String> chainApprover;

    private List<String> chainAbove;

    private String budgetAmount;

    private StoredPlanVersion.BudgetPeriod budgetPeriod;

    private Map<String, String> values = new HashMap<>();

    private long version;

    static PlanDraftForm of(StoredPlanVersion stored, Map<String, String> values, Optional<Chain> chain) {
        PlanDraftForm form = new PlanDraftForm();
        form.setValidFrom(stored.getValidFrom());
        form.setValidTo(stored.getValidTo());
        chain.ifPresent(form::showChain);
        form.setBudgetAmount(stored.getBudgetAmount() == null ? "" : stored.getBudgetAmount().toPlainString());
        form.setBudgetPeriod(stored.getBudgetPeriod());
        form.setValues(new HashMap<>(values));
        form.setVersion(stored.getVersion());
        return form;
    }

    /** Shows a chain's steps in the rows, as the version holds them. */
    void showChain(Chain chain) {
        List<ChainFields.Row> rows = ChainFields.rowsOf(chain);
        chainApprover = rows.stream().map(ChainFields.Row::approver).toList();
        chainAbove = rows.stream().map(ChainFields.Row::above).toList();
    }

    /** The chain's rows as the editor shows them: what was typed, padded with empty rows; none without a chain. */
    List<ChainFields.Row> chainRows() {
        if (chainApprover == null) {
            return List.of();
        }
        List<String> thresholds = chainAbove == null ? List.of() : chainAbove;
        List<ChainFields.Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(Chain.MAX_STEPS, Math.max(chainApprover.size(), thresholds.size())); i++) {
            rows.add(new ChainFields.Row(i < chainApprover.size() ? chainApprover.get(i) : "",
                    i < thresholds.size() ? thresholds.get(i) : ""));
        }
        return rows;
    }
}
