package com.bonusdesk.plans;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** The draft editor: the window's start, the workflow settings, and the plan's parameters as text. */
@Getter
@Setter
public class PlanDraftForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validFrom;

    private String approvalThreshold;

    private String budgetAmount;

    private StoredPlanVersion.BudgetPeriod budgetPeriod;

    private Map<String, String> values = new HashMap<>();

    private long version;

    static PlanDraftForm of(StoredPlanVersion stored, Map<String, String> values) {
        PlanDraftForm form = new PlanDraftForm();
        form.setValidFrom(stored.getValidFrom());
        form.setApprovalThreshold(stored.getApprovalThreshold() == null ? "" : stored.getApprovalThreshold().toPlainString());
        form.setBudgetAmount(stored.getBudgetAmount() == null ? "" : stored.getBudgetAmount().toPlainString());
        form.setBudgetPeriod(stored.getBudgetPeriod());
        form.setValues(new HashMap<>(values));
        form.setVersion(stored.getVersion());
        return form;
    }
}
